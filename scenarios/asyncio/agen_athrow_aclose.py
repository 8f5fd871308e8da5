import asyncio

async def resilient():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            print("  caught inside:", e)
            i += 100
        except GeneratorExit:
            print("  GeneratorExit inside")
            raise
        i += 1

async def stubborn():
    try:
        yield 1
    finally:
        yield 2

async def simple():
    print("  simple started")
    try:
        yield "a"
    finally:
        print("  simple finally")

async def main():
    g = resilient()
    print(await g.asend(None))
    print(await g.athrow(ValueError("x")))
    print(await g.asend("ignored"))
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    print("after propagate:", await anext(g, "done"))

    # aclose on an unstarted generator: body never runs
    u = simple()
    await u.aclose()
    print("unstarted aclose ok; anext ->", await anext(u, "empty"))
    # athrow on an unstarted generator
    u2 = simple()
    try:
        await u2.athrow(RuntimeError("early"))
    except RuntimeError as e:
        print("unstarted athrow raised", repr(e))
    print("after:", await anext(u2, "empty"))
    # aclose twice
    s = simple()
    print(await anext(s))
    await s.aclose()
    await s.aclose()
    print("closed twice")
    # yield in finally during aclose
    st = stubborn()
    print(await anext(st))
    try:
        await st.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
    # athrow with exception type
    g2 = resilient()
    await anext(g2)
    print(await g2.athrow(ValueError))
    await g2.aclose()
    # asend non-None to a just-started generator
    g3 = resilient()
    try:
        await g3.asend(5)
    except TypeError as e:
        print("TypeError", e)
    print(await g3.asend(None))
    await g3.aclose()

asyncio.run(main())
