import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

log = []

async def worker(lock, name, hold):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled while waiting, locked={lock.locked()}")
        raise
    try:
        print(f"{now()} {name}: acquired")
        await asyncio.sleep(hold)
    finally:
        lock.release()
        print(f"{now()} {name}: released")

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, n, 0.1), name=n) for n in "ABCD"]
    await asyncio.sleep(0)
    # wake A, then cancel A and B before A runs
    lock.release()
    tasks[0].cancel()
    tasks[1].cancel()
    print(f"{now()} main: released, cancelled A and B, locked={lock.locked()}")
    # reacquire in the same step: must queue behind waiters
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(f"{now()} main: after one step locked={lock.locked()} t.done={t.done()}")
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(f"{now()} results: {[type(r).__name__ for r in res]}")
    print(f"{now()} t.done={t.done()} locked={lock.locked()}")
    await t
    print(f"{now()} main holds lock via t: {lock.locked()}")
    lock.release()
    # release then immediately acquire by the releaser, with one waiter
    await lock.acquire()
    w = asyncio.create_task(worker(lock, "W", 0.2))
    await asyncio.sleep(0.05)
    lock.release()
    got = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(f"{now()} main: got.done={got.done()} (W should be first)")
    await w
    await got
    print(f"{now()} main: reacquired after W, locked={lock.locked()}")
    lock.release()
    print(f"{now()} end locked={lock.locked()}")

asyncio.run(main())
