import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (5, "later"), (2, "another")]:
        pq.put_nowait(item)
    print("priority order:", [pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        await lq.put(i)
    print("lifo full:", lq.full())
    print("lifo order:", [lq.get_nowait() for _ in range(3)])
    pq2 = asyncio.PriorityQueue()

    async def consumer():
        while True:
            prio, name = await pq2.get()
            print(f"{now()} handling {name} (prio {prio})")
            pq2.task_done()
            if name == "stop":
                return
            await asyncio.sleep(1)

    c = asyncio.create_task(consumer())
    await pq2.put((5, "first-arrival"))
    await asyncio.sleep(0.5)
    for p, n in [(9, "stop"), (4, "d"), (1, "a"), (7, "x"), (1, "b")]:
        await pq2.put((p, n))
    await pq2.join()
    await c
    print(f"{now()} done; repr-free check qsize={pq2.qsize()}")
    q = asyncio.Queue()
    for x in "abc":
        q.put_nowait(x)
    print("fifo order:", "".join(q.get_nowait() for _ in range(3)))

asyncio.run(main())
