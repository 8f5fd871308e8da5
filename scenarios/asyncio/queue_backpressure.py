import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def producer(q, n):
    for i in range(n):
        print(f"{now()} producer: putting {i} (qsize={q.qsize()} full={q.full()})")
        await q.put(i)
        print(f"{now()} producer: put {i} done")
    await q.put(None)
    print(f"{now()} producer: finished")

async def consumer(q):
    got = []
    while True:
        item = await q.get()
        if item is None:
            break
        print(f"{now()} consumer: got {item} (qsize={q.qsize()})")
        got.append(item)
        await asyncio.sleep(1)
    return got

async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize:", q.maxsize, "empty:", q.empty(), "full:", q.full())
    p = asyncio.create_task(producer(q, 5))
    got = await consumer(q)
    await p
    print(f"{now()} consumed {got}, empty={q.empty()}")
    unbounded = asyncio.Queue()
    for i in range(100):
        unbounded.put_nowait(i)
    print("unbounded full:", unbounded.full(), "qsize:", unbounded.qsize(), "maxsize:", unbounded.maxsize)

asyncio.run(main())
