import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def consumer(q, name):
    try:
        item = await q.get()
        print(f"{now()} {name}: got {item}")
        return item
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled while blocked in get (qsize={q.qsize()})")
        raise

async def producer(q, name):
    try:
        await q.put(name)
        print(f"{now()} {name}: put done")
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled while blocked in put (qsize={q.qsize()})")
        raise

async def main():
    q = asyncio.Queue()
    c1 = asyncio.create_task(consumer(q, "c1"))
    c2 = asyncio.create_task(consumer(q, "c2"))
    await asyncio.sleep(1)
    c1.cancel()
    await asyncio.sleep(0.5)
    await q.put("item-A")
    print(f"{now()} main: put item-A")
    print("c2 result:", await c2, "c1 cancelled:", c1.cancelled())
    c3 = asyncio.create_task(consumer(q, "c3"))
    await asyncio.sleep(0.1)
    q.put_nowait("item-B")
    c3.cancel()
    res = await asyncio.gather(c3, return_exceptions=True)
    print(f"{now()} c3 outcome: {res}, item still queued: qsize={q.qsize()}")
    full = asyncio.Queue(maxsize=1)
    full.put_nowait("x")
    p1 = asyncio.create_task(producer(full, "p1"))
    p2 = asyncio.create_task(producer(full, "p2"))
    await asyncio.sleep(1)
    p1.cancel()
    await asyncio.sleep(0)
    print(f"{now()} main: took {full.get_nowait()}")
    await p2
    print(f"{now()} main: queue holds {full.get_nowait()}")

asyncio.run(main())
