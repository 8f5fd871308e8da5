# `await q.put(x)` with room and `await q.get()` with an item finish without suspending;
# scenario does them without making a coroutine. The errors and orders stay CPython's.
import asyncio


async def main():
    q = asyncio.PriorityQueue()
    await q.put((1, "a"))
    try:
        await q.put((1, 2))
    except TypeError as e:
        print("TypeError:", e)
    print(await q.get(), q.qsize())
    lq = asyncio.LifoQueue(maxsize=2)
    await lq.put(1)
    await lq.put(2)
    print(lq.full(), await lq.get(), await lq.get(), lq.empty())
    await q.put(({}, 1))
    await q.put(({}, 2))


asyncio.run(main())
