import asyncio

async def main():
    eg = ExceptionGroup("top", [ValueError("v"), TypeError("t")])
    print(str(eg))
    print(repr(eg))
    print(eg.message, eg.exceptions, eg.args)
    nested = ExceptionGroup("outer", [eg, KeyError("k"), ExceptionGroup("inner2", [OSError("o")])])
    print(str(nested))
    print(repr(nested))
    print(len(nested.exceptions), type(nested.exceptions).__name__)
    for e in nested.exceptions:
        print(" ", type(e).__name__, repr(e))
    beg = BaseExceptionGroup("base", [ValueError(1)])
    print(type(beg).__name__, repr(beg), isinstance(beg, ExceptionGroup))
    beg2 = BaseExceptionGroup("base2", [asyncio.CancelledError()])
    print(type(beg2).__name__, repr(beg2), isinstance(beg2, Exception))
    for bad in ([], None, [1], "ab"):
        try:
            ExceptionGroup("m", bad)
        except Exception as e:
            print("bad", repr(bad), "->", type(e).__name__, e)
    try:
        ExceptionGroup("m", [asyncio.CancelledError()])
    except TypeError as e:
        print("TypeError", e)
    try:
        ExceptionGroup(1, [ValueError()])
    except TypeError as e:
        print("TypeError", e)
    single = ExceptionGroup("one", (ValueError("x"),))
    print(str(single), single.exceptions)
    print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup))
    try:
        raise nested
    except ExceptionGroup as caught:
        print("caught", caught is nested, caught.exceptions[0].exceptions[1])
    # group produced by TaskGroup
    async def f(e):
        raise e
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(f(ValueError("a")))
            tg.create_task(f(ExceptionGroup("sub", [KeyError("b")])))
    except ExceptionGroup as e:
        print(str(e))
        print(repr(e))
        print(repr(e.exceptions[1].exceptions[0]))
        print(e.__cause__, e.__suppress_context__)

asyncio.run(main())
