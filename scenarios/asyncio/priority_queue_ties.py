import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (1, "a"), (2, "a"), (0, "m"), (1, "a")]:
        pq.put_nowait(item)
    out = []
    while not pq.empty():
        out.append(pq.get_nowait())
    print(out)
    # equal priorities with counters keep FIFO order
    seq = 0
    for name in ["first", "second", "third"]:
        await pq.put((5, seq, name))
        seq += 1
    await pq.put((4, seq, "urgent"))
    print([(await pq.get())[2] for _ in range(4)])
    # items that compare badly
    bad = asyncio.PriorityQueue()
    bad.put_nowait((1, {"k": 1}))
    try:
        bad.put_nowait((1, {"k": 2}))
    except TypeError as e:
        print("put:", type(e).__name__, e)
    print("qsize after failed put:", bad.qsize(), "unfinished join ok?")
    try:
        x = bad.get_nowait()
        print("got", x)
        y = bad.get_nowait()
        print("got", y)
    except TypeError as e:
        print("get:", type(e).__name__, e)
    print("qsize:", bad.qsize())
    # None vs int
    bad2 = asyncio.PriorityQueue()
    await bad2.put(3)
    try:
        await bad2.put(None)
    except TypeError as e:
        print("put None:", e)
    # getter waiting on PriorityQueue receives smallest when several arrive in one step
    pq3 = asyncio.PriorityQueue()
    async def g():
        return await pq3.get()
    t = asyncio.create_task(g())
    await asyncio.sleep(0)
    pq3.put_nowait(9)
    pq3.put_nowait(1)
    pq3.put_nowait(5)
    print("waiting getter got", await t, "left", pq3.qsize())

asyncio.run(main())
