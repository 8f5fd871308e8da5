# `await f(...)` of an async def runs its body directly (no coroutine object is made):
# StopIteration still becomes RuntimeError, recursion is still bounded, closures and
# cancellation through nested awaits still behave as in CPython.
import asyncio


async def stop():
    raise StopIteration("x")


async def deep(n):
    if n == 0:
        await asyncio.sleep(0.1)
        return 0
    return 1 + await deep(n - 1)


async def boom(n):
    if n == 0:
        raise ValueError("bottom")
    return await boom(n - 1)


async def closure(x):
    def inner():
        return x * 2
    await asyncio.sleep(0)
    return inner()


async def forever(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled at depth", n)
        raise


async def chain(n):
    if n == 0:
        return await forever(n)
    return await chain(n - 1)


async def recurse(n):
    return await recurse(n + 1)


async def main():
    try:
        await stop()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)
    print(await deep(50))
    print(await closure(21))
    t = asyncio.create_task(chain(5))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled")
    try:
        await recurse(0)
    except RecursionError as e:
        print("RecursionError:", e)


asyncio.run(main())
