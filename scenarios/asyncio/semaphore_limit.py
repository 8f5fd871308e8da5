import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker(sem, i, active, peak):
    print(f"{now()} w{i} waiting (locked={sem.locked()})")
    async with sem:
        active.append(i)
        peak[0] = max(peak[0], len(active))
        print(f"{now()} w{i} enters, active={active}")
        await asyncio.sleep(1 + 0.25 * i)
        active.remove(i)
        print(f"{now()} w{i} leaves")

async def main():
    sem = asyncio.Semaphore(2)
    active, peak = [], [0]
    await asyncio.gather(*(worker(sem, i, active, peak) for i in range(6)))
    print(f"{now()} peak concurrency {peak[0]}, locked={sem.locked()}")
    s0 = asyncio.Semaphore(0)
    print("Semaphore(0) locked:", s0.locked())
    s0.release()
    s0.release()
    print("after 2 releases:", s0.locked(), await s0.acquire(), await s0.acquire(), s0.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("negative:", e)

asyncio.run(main())
