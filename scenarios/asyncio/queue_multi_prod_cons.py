import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def producer(q, name, n, delay):
    for i in range(n):
        await q.put(f"{name}{i}")
        print(f"{now()} {name} put {name}{i} qsize={q.qsize()} full={q.full()}")
        await asyncio.sleep(delay)
    return name

async def consumer(q, name, delay):
    got = []
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        got.append(item)
        await asyncio.sleep(delay)
        q.task_done()
    print(f"{now()} {name} exits with {got}")
    return len(got)

async def main():
    q = asyncio.Queue(maxsize=2)
    print(f"maxsize={q.maxsize} empty={q.empty()} full={q.full()}")
    prods = [asyncio.create_task(producer(q, n, 4, d)) for n, d in (("a", 0), ("b", 0.0625), ("c", 0.3125))]
    cons = [asyncio.create_task(consumer(q, n, d)) for n, d in (("X", 0.1875), ("Y", 0.375))]
    await asyncio.gather(*prods)
    print(f"{now()} producers done, qsize={q.qsize()}")
    await q.join()
    print(f"{now()} joined")
    for _ in cons:
        await q.put(None)
    counts = await asyncio.gather(*cons)
    print(f"{now()} counts={counts} total={sum(counts)} empty={q.empty()}")
    await q.join()
    print(f"{now()} joined again immediately")

asyncio.run(main())
