import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def hog(cond, start, hold):
    await asyncio.sleep(start)
    async with cond:
        print(f"{now()} hog holds the lock for {hold}")
        await asyncio.sleep(hold)
        print(f"{now()} hog releases")

async def waiter(cond, name, t):
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), t)
            print(f"{now()} {name} notified")
        except asyncio.TimeoutError:
            print(f"{now()} {name} timed out, holding lock={cond.locked()}")

async def timeout_waiter(cond, name, t):
    try:
        async with cond:
            async with asyncio.timeout(t):
                await cond.wait()
    except TimeoutError:
        print(f"{now()} {name} timeout-cm fired; lock released={not cond.locked()}")

async def main():
    cond = asyncio.Condition()
    await asyncio.gather(
        waiter(cond, "w1", 0.25),
        timeout_waiter(cond, "w2", 0.375),
        hog(cond, 0.125, 1.0),
    )
    print(now(), "phase 1 done")
    # cancel a waiter twice while it is trying to reacquire
    async def cw():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError as e:
                print(f"{now()} cw CancelledError args={e.args} locked={cond.locked()}")
                raise
    t = asyncio.create_task(cw())
    h = asyncio.create_task(hog(cond, 0.0625, 0.5))
    await asyncio.sleep(0.125)
    t.cancel("first")
    await asyncio.sleep(0.125)
    t.cancel("second")
    await asyncio.gather(t, h, return_exceptions=True)
    print(now(), t.cancelled(), cond.locked())
    # notify while the waiter is already timed out and waiting for the lock
    async def notifier():
        await asyncio.sleep(0.25)
        async with cond:
            cond.notify_all()
            print(f"{now()} notify_all sent")
            await asyncio.sleep(0.25)
    await asyncio.gather(waiter(cond, "w3", 0.25), waiter(cond, "w4", 1), notifier())
    print(now())

asyncio.run(main())
