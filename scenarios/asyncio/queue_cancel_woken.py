import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def getter(q, name):
    try:
        item = await q.get()
        print(f"{now()} {name} got {item}")
        return item
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled, qsize={q.qsize()}")
        raise

async def putter(q, name, item):
    try:
        await q.put(item)
        print(f"{now()} {name} put {item}")
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled, qsize={q.qsize()}")
        raise

async def main():
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(q, f"g{i}")) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("x")
    gs[0].cancel()       # g0 was woken but is cancelled before it runs
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"{now()} after: qsize={q.qsize()} done={[g.done() for g in gs]}")
    q.put_nowait("y")
    res = await asyncio.gather(*gs, return_exceptions=True)
    print(f"{now()} res={[r if isinstance(r, str) else type(r).__name__ for r in res]}")

    # full queue: putter woken by get_nowait then cancelled
    q2 = asyncio.Queue(1)
    q2.put_nowait(0)
    ps = [asyncio.create_task(putter(q2, f"p{i}", i + 1)) for i in range(3)]
    await asyncio.sleep(0)
    print(f"{now()} got {q2.get_nowait()}")
    ps[0].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"{now()} q2 qsize={q2.qsize()} full={q2.full()}")
    print(f"{now()} got {q2.get_nowait()}")
    await asyncio.sleep(0)
    print(f"{now()} got {q2.get_nowait()}")
    res = await asyncio.gather(*ps, return_exceptions=True)
    print(f"{now()} res={[type(r).__name__ for r in res]} qsize={q2.qsize()}")

    # wait_for around get / put with tiny timeouts
    q3 = asyncio.Queue(1)
    for t in (0, 0.001, 0.01):
        try:
            await asyncio.wait_for(q3.get(), t)
        except asyncio.TimeoutError:
            print(f"{now()} get timed out after {t}")
    await q3.put("only")
    for t in (0, 0.01):
        try:
            await asyncio.wait_for(q3.put("more"), t)
        except asyncio.TimeoutError:
            print(f"{now()} put timed out after {t} qsize={q3.qsize()}")
    try:
        v = await asyncio.wait_for(q3.get(), 0)
        print(f"{now()} zero-timeout get -> {v}")
    except asyncio.TimeoutError:
        print(f"{now()} zero-timeout get timed out although an item is queued, qsize={q3.qsize()}")
    v = await asyncio.wait_for(q3.get(), 0.001)
    print(f"{now()} final {v} empty={q3.empty()}")

asyncio.run(main())
