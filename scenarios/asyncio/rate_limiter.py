import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def limiter_refill(sem, rate, per, stop):
    while not stop.is_set():
        await asyncio.sleep(per)
        released = 0
        while released < rate and sem._value < rate:
            sem.release()
            released += 1
        print(f"{now()} refill +{released} value={sem._value}")

async def request(i, sem, log):
    t0 = now()
    await sem.acquire()
    log.append((i, t0, now()))
    print(f"{now()} req{i} sent (queued {round(now() - t0, 3)})")
    await asyncio.sleep(0.0625)
    return i * i

async def main():
    sem = asyncio.Semaphore(3)
    stop = asyncio.Event()
    refill = asyncio.create_task(limiter_refill(sem, 3, 0.5, stop))
    log = []
    reqs = []
    for i in range(10):
        reqs.append(asyncio.create_task(request(i, sem, log)))
        if i % 4 == 3:
            await asyncio.sleep(0.25)
    res = await asyncio.gather(*reqs)
    stop.set()
    await refill
    print(now(), res)
    per_window = {}
    for i, t0, t1 in log:
        w = int(t1 // 0.5)
        per_window[w] = per_window.get(w, 0) + 1
    print(sorted(per_window.items()))

asyncio.run(main())
