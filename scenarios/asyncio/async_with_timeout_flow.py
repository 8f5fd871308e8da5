import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def early_return():
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.1)
        return cm

async def loop_with_timeouts():
    out = []
    for i in range(5):
        try:
            async with asyncio.timeout(0.25):
                if i == 0:
                    continue
                await asyncio.sleep(0.1 * i)
                if i == 3:
                    break
                out.append(i)
        except TimeoutError:
            out.append(f"T{i}")
    return out

async def main():
    cm = await early_return()
    print(f"{now()} expired={cm.expired()} {cm!r}")
    await asyncio.sleep(1)
    print(f"{now()} still alive after old deadline; cancelling={asyncio.current_task().cancelling()}")
    print(f"{now()} {await loop_with_timeouts()}")
    await asyncio.sleep(1)
    print(f"{now()} no stray cancellation")
    # timeout + lock: waiting for the lock counts against the deadline
    lock = asyncio.Lock()
    async def hold():
        async with lock:
            await asyncio.sleep(0.4)
    h = asyncio.create_task(hold())
    await asyncio.sleep(0)
    try:
        async with asyncio.timeout(0.2), lock:
            print("should not get lock")
    except TimeoutError:
        print(f"{now()} timed out waiting for lock, locked={lock.locked()}")
    await h
    async with asyncio.timeout(0.2), lock:
        print(f"{now()} got lock within timeout")
    print(f"{now()} locked={lock.locked()}")
    # swallow the cancellation inside the timeout block: no TimeoutError
    async with asyncio.timeout(0.1) as t:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(f"{now()} swallowed inside timeout")
    print(f"{now()} after swallow: expired={t.expired()} cancelling={asyncio.current_task().cancelling()}")
    # exception raised inside an expired timeout (not CancelledError)
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            finally:
                raise ValueError("cleanup failed")
    except TimeoutError:
        print("TimeoutError")
    except ValueError as e:
        print(f"{now()} ValueError {e} context={type(e.__context__).__name__}")
    print(f"{now()} end cancelling={asyncio.current_task().cancelling()}")

asyncio.run(main())
