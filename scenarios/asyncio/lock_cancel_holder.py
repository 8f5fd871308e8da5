import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def holder(lock, name, hold):
    async with lock:
        print(f"{now()} {name} acquired")
        try:
            await asyncio.sleep(hold)
        except asyncio.CancelledError:
            print(f"{now()} {name} cancelled while holding")
            raise
    print(f"{now()} {name} released")

async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(holder(lock, "A", 1))
    b = asyncio.create_task(holder(lock, "B", 1))
    c = asyncio.create_task(holder(lock, "C", 0.5))
    await asyncio.sleep(0.1)
    a.cancel()          # holder cancelled: lock passes to B
    await asyncio.sleep(0)
    print(f"{now()} after cancel A: locked={lock.locked()} a.done={a.done()}")
    await asyncio.sleep(0.2)
    # cancel B and C in the same step: B holds, C waits
    b.cancel()
    c.cancel()
    r = await asyncio.gather(a, b, c, return_exceptions=True)
    print(f"{now()} {[type(x).__name__ for x in r]} locked={lock.locked()}")
    # holder releases and is cancelled right after (in its finally)
    async def release_then_sleep():
        await lock.acquire()
        try:
            await asyncio.sleep(0.3)
        finally:
            lock.release()
            await asyncio.sleep(0.2)
            print(f"{now()} release_then_sleep after post-release sleep")
    d = asyncio.create_task(release_then_sleep())
    e = asyncio.create_task(holder(lock, "E", 0.1))
    await asyncio.sleep(0.1)
    d.cancel()
    await asyncio.sleep(0)
    print(f"{now()} d cancelled during hold; locked={lock.locked()}")
    r = await asyncio.gather(d, e, return_exceptions=True)
    print(f"{now()} {[type(x).__name__ for x in r]} locked={lock.locked()}")

asyncio.run(main())
