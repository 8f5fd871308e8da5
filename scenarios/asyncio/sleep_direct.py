# `await asyncio.sleep(...)` starts the sleep without making a coroutine object (none can
# be seen). These pin that it behaves as the general path: results, zero and negative
# delays, ints, floats and bools, keyword arguments, an alias of the module, a sleep made
# first and awaited later, bad delays, and cancellation in the middle of a sleep.
import asyncio
import asyncio as aio


async def sleeper(label, delay):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(delay)
    print(label, "woke after", loop.time() - start)


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(1, "result"), await asyncio.sleep(0), await asyncio.sleep(-5))
    print(await aio.sleep(0.25, result=[1, 2]), await asyncio.sleep(delay=0.5))
    print(await asyncio.sleep(True, "bool delay"), loop.time())
    made = asyncio.sleep(2, "made first")
    print(type(made).__name__, await made, loop.time())

    await asyncio.gather(sleeper("a", 3), sleeper("b", 1.5), sleeper("c", 0))

    for bad in ["1", None, [1]]:
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print("TypeError:", e)

    task = asyncio.create_task(sleeper("cancelled", 10))
    await asyncio.sleep(1)
    task.cancel("stop")
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled with", e.args, "at", loop.time())

    try:
        await asyncio.wait_for(asyncio.sleep(5, "late"), timeout=1)
    except TimeoutError:
        print("timed out at", loop.time())
    print(await asyncio.wait_for(asyncio.sleep(1, "in time"), timeout=5), loop.time())


asyncio.run(main())
