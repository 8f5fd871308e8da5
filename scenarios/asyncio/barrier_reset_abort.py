"""Barrier.reset() breaks the waiters, abort() breaks the barrier, a cancelled waiter leaves it usable."""
import asyncio

async def waiter(name, barrier):
    try:
        i = await barrier.wait()
        print(name, "passed", i)
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", e)

async def main():
    b = asyncio.Barrier(3)
    t1 = asyncio.create_task(waiter("a", b))
    t2 = asyncio.create_task(waiter("b", b))
    await asyncio.sleep(0.25)
    print("n_waiting", b.n_waiting)
    await b.reset()
    await asyncio.gather(t1, t2)
    print("after reset", b.broken, b.n_waiting)
    t3 = asyncio.create_task(waiter("c", b))
    await asyncio.sleep(0.25)
    await b.abort()
    await t3
    print("broken", b.broken)
    await waiter("d", b)
    t4 = asyncio.create_task(waiter("e", asyncio.Barrier(2)))
    await asyncio.sleep(0.25)
    t4.cancel()
    try:
        await t4
    except asyncio.CancelledError:
        print("e cancelled")
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(e)
    async with asyncio.Barrier(1) as idx:
        print("async with index", idx)

asyncio.run(main())
