import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def holder(lock):
    async with lock:
        print(f"{now()} holder: got lock")
        await asyncio.sleep(2)
        print(f"{now()} holder: releasing")

async def contender(lock, name):
    try:
        async with lock:
            print(f"{now()} {name}: got lock")
            await asyncio.sleep(0.5)
        print(f"{now()} {name}: released")
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled, locked={lock.locked()}")
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0.1)
    b = asyncio.create_task(contender(lock, "b"))
    c = asyncio.create_task(contender(lock, "c"))
    d = asyncio.create_task(contender(lock, "d"))
    await asyncio.sleep(1)
    b.cancel()
    await asyncio.sleep(0)
    print(f"{now()} main: b cancelled={b.cancelled()}")
    await asyncio.sleep(1.1)
    print(f"{now()} main: cancelling c while it holds the lock")
    c.cancel()
    res = await asyncio.gather(h, b, c, d, return_exceptions=True)
    print(f"{now()} results: {[type(r).__name__ for r in res]} locked={lock.locked()}")
    # woken-but-not-yet-running waiter cancelled: the lock passes on
    await lock.acquire()
    e = asyncio.create_task(contender(lock, "e"))
    f = asyncio.create_task(contender(lock, "f"))
    await asyncio.sleep(0.1)
    lock.release()
    e.cancel()
    print(f"{now()} main: released and cancelled e in the same step, locked={lock.locked()}")
    res = await asyncio.gather(e, f, return_exceptions=True)
    print(f"{now()} results: {[type(r).__name__ for r in res]} locked={lock.locked()}")

asyncio.run(main())
