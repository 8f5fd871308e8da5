"""Task methods before and after completion: done, result, exception, get_name."""
import asyncio


async def compute(x):
    await asyncio.sleep(1)
    return x * x


async def explode():
    await asyncio.sleep(1)
    raise KeyError("missing")


async def main():
    good = asyncio.create_task(compute(7), name="square")
    bad = asyncio.create_task(explode())
    print(good.get_name(), bad.get_name(), good.done())
    try:
        good.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await asyncio.sleep(2)
    print(good.done(), good.result(), good.exception())
    print(bad.done(), repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("result() re-raises:", repr(e))
    good.set_name("renamed")
    print(good.get_name())


asyncio.run(main())
