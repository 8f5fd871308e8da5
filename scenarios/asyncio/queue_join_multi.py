import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def joiner(q, name, delay):
    await asyncio.sleep(delay)
    print(f"{now()} {name} joining (unfinished={q.qsize()})")
    await q.join()
    print(f"{now()} {name} released")

async def main():
    q = asyncio.Queue()
    js = [asyncio.create_task(joiner(q, f"J{i}", 0.1 * i)) for i in range(3)]
    await asyncio.sleep(0.05)
    for i in range(3):
        q.put_nowait(i)
    print(f"{now()} put 3")
    async def worker():
        while True:
            x = await q.get()
            await asyncio.sleep(0.2)
            print(f"{now()} worker finished {x}")
            q.task_done()
    w = asyncio.create_task(worker())
    await asyncio.gather(*js)
    print(f"{now()} all joiners released, empty={q.empty()}")
    # join, then put more before the joiners run
    q.put_nowait("a")
    j = asyncio.create_task(q.join())
    await asyncio.sleep(0.25)
    print(f"{now()} j.done={j.done()}")
    q.put_nowait("b")
    await j
    print(f"{now()} j finished; unfinished b still queued? qsize={q.qsize()}")
    await q.join()
    print(f"{now()} second join done")
    # task_done before get
    q.put_nowait("c")
    q.task_done()
    await q.join()
    print(f"{now()} join succeeded with item still in queue: qsize={q.qsize()}")
    w.cancel()
    await asyncio.sleep(0)
    print(f"{now()} qsize={q.qsize()} empty={q.empty()}")

asyncio.run(main())
