import asyncio

async def agen():
    yield 1

async def failing():
    yield 1
    raise KeyError("inside")

async def attempt(label, mk):
    try:
        r = await mk()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, repr(e))

async def main():
    g = agen()
    await attempt("anext", lambda: anext(g))
    await attempt("anext at end", lambda: anext(g))
    await attempt("asend exhausted", lambda: g.asend(None))
    await attempt("athrow exhausted", lambda: g.athrow(ValueError("v")))
    await attempt("athrow type exhausted", lambda: g.athrow(ValueError))
    await attempt("aclose exhausted", lambda: g.aclose())
    await attempt("anext default", lambda: anext(g, "dflt"))
    c = agen()
    await attempt("aclose unstarted", lambda: c.aclose())
    await attempt("athrow closed", lambda: c.athrow(TypeError("t")))
    await attempt("anext closed", lambda: anext(c, "dflt"))
    f = failing()
    await attempt("anext f", lambda: anext(f))
    await attempt("anext f raises", lambda: anext(f))
    await attempt("athrow after raise", lambda: f.athrow(ValueError("late")))
    await attempt("asend after raise", lambda: f.asend(None))
    s = agen()
    await attempt("athrow suspended", lambda: anext(s))
    await attempt("athrow suspended 2", lambda: s.athrow(ValueError("into")))
    await attempt("athrow after", lambda: s.athrow(ValueError("again")))

asyncio.run(main())
