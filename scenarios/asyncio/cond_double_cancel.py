import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    cond = asyncio.Condition()
    async def waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print(f"{now()} waiter: CancelledError, locked={cond.locked()} cancelling={asyncio.current_task().cancelling()}")
                raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    await cond.acquire()
    w.cancel()
    await asyncio.sleep(0.1)
    w.cancel()           # cancelled again while re-acquiring the lock
    await asyncio.sleep(0.1)
    print(f"{now()} main releasing; w.done={w.done()}")
    cond.release()
    r = await asyncio.gather(w, return_exceptions=True)
    print(f"{now()} {r[0]!r} locked={cond.locked()}")
    # notify then cancel before it reacquires; the notification is consumed
    async def w2(name, log):
        async with cond:
            try:
                await cond.wait()
                log.append(name)
            except asyncio.CancelledError:
                log.append(f"{name}-cancelled")
                raise
    log = []
    ws = [asyncio.create_task(w2(f"w{i}", log)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        ws[0].cancel()
    await asyncio.gather(*ws[:1], return_exceptions=True)
    await asyncio.sleep(0.1)
    print(f"{now()} after notify(1)+cancel: {log}")
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws, return_exceptions=True)
    print(f"{now()} {log} locked={cond.locked()}")

asyncio.run(main())
