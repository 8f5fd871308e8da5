import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker(name, q, shutdown, stats):
    while True:
        if shutdown.is_set() and q.empty():
            print(f"{now()} {name} exits cleanly")
            return name
        get = asyncio.create_task(q.get())
        stop = asyncio.create_task(shutdown.wait())
        done, pending = await asyncio.wait([get, stop], return_when=asyncio.FIRST_COMPLETED)
        if get in done:
            stop.cancel()
            item = get.result()
            try:
                await asyncio.sleep(0.125 * item)
                stats.append((name, item, now()))
            finally:
                q.task_done()
        else:
            get.cancel()
            try:
                await get
            except asyncio.CancelledError:
                pass
            print(f"{now()} {name} saw shutdown (queue={q.qsize()})")

async def main():
    q = asyncio.Queue()
    shutdown = asyncio.Event()
    stats = []
    ws = [asyncio.create_task(worker(f"w{i}", q, shutdown, stats)) for i in range(3)]
    for item in [1, 2, 3, 1, 1, 4, 2]:
        q.put_nowait(item)
    await asyncio.sleep(0.5)
    print(f"{now()} shutdown requested, queue={q.qsize()}")
    shutdown.set()
    done, pending = await asyncio.wait(ws, timeout=0.25)
    print(f"{now()} after grace: done={len(done)} pending={len(pending)}")
    for t in pending:
        t.cancel()
    results = await asyncio.gather(*ws, return_exceptions=True)
    print(now(), [r if isinstance(r, str) else "cancelled" for r in results])
    for s in stats:
        print(s)
    print(q.qsize(), q._unfinished_tasks)

asyncio.run(main())
