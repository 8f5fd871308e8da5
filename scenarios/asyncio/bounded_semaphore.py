import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def job(sem, name, secs):
    async with sem:
        print(f"{now()} {name} in")
        await asyncio.sleep(secs)
    print(f"{now()} {name} out")

async def main():
    sem = asyncio.BoundedSemaphore(2)
    await asyncio.gather(job(sem, "a", 1), job(sem, "b", 2), job(sem, "c", 0.5), job(sem, "d", 0.25))
    try:
        sem.release()
        print("not reached")
    except ValueError as e:
        print(f"over-release: {type(e).__name__}: {e}")
    await sem.acquire()
    sem.release()
    print("balanced acquire/release fine, locked:", sem.locked())
    plain = asyncio.Semaphore(1)
    plain.release()
    plain.release()
    print("plain Semaphore over-release allowed; now 3 acquires without blocking:")
    for _ in range(3):
        await plain.acquire()
    print("  locked:", plain.locked())

asyncio.run(main())
