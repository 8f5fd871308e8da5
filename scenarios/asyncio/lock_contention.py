import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def user(lock, name, hold, log):
    print(f"{now()} {name}: wants lock (locked={lock.locked()})")
    async with lock:
        log.append(name)
        print(f"{now()} {name}: acquired")
        await asyncio.sleep(hold)
        print(f"{now()} {name}: releasing")
    print(f"{now()} {name}: released (locked={lock.locked()})")

async def main():
    lock = asyncio.Lock()
    log = []
    names = ["a", "b", "c", "d", "e"]
    tasks = []
    for i, n in enumerate(names):
        tasks.append(asyncio.create_task(user(lock, n, 0.5 + 0.1 * i, log)))
        await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    print(f"{now()} order: {log} locked={lock.locked()}")
    await lock.acquire()
    print("manual acquire ->", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(f"release unlocked: {type(e).__name__}: {e}")
    print("acquire returns:", await lock.acquire())
    lock.release()

asyncio.run(main())
