import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    loop = asyncio.get_running_loop()
    # Queue: the item arrives in the same iteration the wait_for deadline passes
    q = asyncio.Queue()
    loop.call_later(0.5, q.put_nowait, "item")
    try:
        v = await asyncio.wait_for(q.get(), 0.5)
        print(f"{now()} got {v}")
    except asyncio.TimeoutError:
        print(f"{now()} queue get timed out; qsize={q.qsize()}")
    print(f"{now()} leftover: {q.get_nowait() if not q.empty() else None}")
    # two getters, item put and first getter's timeout at the same instant
    async def timed_get(name, t):
        try:
            v = await asyncio.wait_for(q.get(), t)
            return f"{name}:{v}"
        except asyncio.TimeoutError:
            return f"{name}:timeout"
    g1 = asyncio.create_task(timed_get("g1", 0.3))
    g2 = asyncio.create_task(timed_get("g2", 1))
    await asyncio.sleep(0)
    loop.call_later(0.3, q.put_nowait, "x")
    print(f"{now()} {await asyncio.gather(g1, g2)} qsize={q.qsize()}")
    # Lock: release and acquire-timeout at the same instant
    lock = asyncio.Lock()
    await lock.acquire()
    loop.call_later(0.2, lock.release)
    try:
        await asyncio.wait_for(lock.acquire(), 0.2)
        print(f"{now()} lock acquired at deadline")
    except asyncio.TimeoutError:
        print(f"{now()} lock timed out; locked={lock.locked()}")
    if lock.locked():
        lock.release()
    # Semaphore: same
    sem = asyncio.Semaphore(0)
    loop.call_later(0.2, sem.release)
    async def take(name, t):
        try:
            await asyncio.wait_for(sem.acquire(), t)
            return f"{name}:ok"
        except asyncio.TimeoutError:
            return f"{name}:timeout"
    r = await asyncio.gather(take("s1", 0.2), take("s2", 0.5))
    print(f"{now()} {r} locked={sem.locked()}")
    # Event set at the deadline
    ev = asyncio.Event()
    loop.call_later(0.2, ev.set)
    try:
        await asyncio.wait_for(ev.wait(), 0.2)
        print(f"{now()} event ok")
    except asyncio.TimeoutError:
        print(f"{now()} event timed out, is_set={ev.is_set()}")
    # timeout() context and a future resolved at the same instant
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "r")
    try:
        async with asyncio.timeout(0.2):
            print(f"{now()} fut -> {await fut}")
    except TimeoutError:
        print(f"{now()} timeout() won, fut.done={fut.done()}")

asyncio.run(main())
