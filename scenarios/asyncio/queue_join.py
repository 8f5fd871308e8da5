import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker(name, q, results):
    try:
        while True:
            job = await q.get()
            print(f"{now()} {name}: start job {job}")
            await asyncio.sleep(job * 0.1)
            results.append((name, job))
            print(f"{now()} {name}: finished job {job} (qsize={q.qsize()})")
            q.task_done()
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled while idle")
        raise

async def main():
    q = asyncio.Queue()
    for job in (5, 3, 9, 1, 4, 2, 6):
        q.put_nowait(job)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(3)]
    await q.join()
    print(f"{now()} join returned, qsize={q.qsize()}")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("results:", results)
    await q.join()
    print("join on fully-done queue returns immediately")
    try:
        q.task_done()
    except ValueError as e:
        print(f"extra task_done: {type(e).__name__}: {e}")

asyncio.run(main())
