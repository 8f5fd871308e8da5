# divergence: CPython waits forever; scenario reports the deadlock (exit 3) and who holds up whom
import asyncio
async def a(l1, l2, q):
    async with l1:
        await asyncio.sleep(0.1)
        async with l2:
            pass
async def b(l1, l2, q):
    async with l2:
        await asyncio.sleep(0.1)
        async with l1:
            pass
async def c(q):
    await q.get()
async def main():
    l1, l2, q = asyncio.Lock(), asyncio.Lock(), asyncio.Queue()
    ev = asyncio.Event()
    t = asyncio.create_task(c(q))
    await asyncio.gather(a(l1, l2, q), b(l1, l2, q), ev.wait())
asyncio.run(main())
