import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def user(sem, name, hold):
    try:
        async with sem:
            print(f"{now()} {name}: in")
            await asyncio.sleep(hold)
        print(f"{now()} {name}: out")
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled, locked={sem.locked()}")
        raise

async def main():
    sem = asyncio.Semaphore(2)
    ts = [asyncio.create_task(user(sem, n, 1)) for n in "ABCDE"]
    await asyncio.sleep(0)
    print(f"{now()} main: locked={sem.locked()}")
    # release by A and B at 1.0 wakes C and D; cancel C right after wake
    await asyncio.sleep(1)
    print(f"{now()} main: locked={sem.locked()}")
    ts[2].cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"{now()} main: after cancel")
    # a newcomer while E waits must queue behind E
    late = asyncio.create_task(user(sem, "late", 0.5))
    res = await asyncio.gather(*ts, late, return_exceptions=True)
    print(f"{now()} res={[type(r).__name__ for r in res]} locked={sem.locked()}")
    # acquire with zero-value semaphore and cancel immediately
    s0 = asyncio.Semaphore(0)
    t = asyncio.create_task(s0.acquire())
    await asyncio.sleep(0)
    s0.release()
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{now()} s0 acquire cancelled after release; locked={s0.locked()}")
    ok = await asyncio.wait_for(s0.acquire(), 0.1)
    print(f"{now()} s0 acquired again: {ok} locked={s0.locked()}")

asyncio.run(main())
