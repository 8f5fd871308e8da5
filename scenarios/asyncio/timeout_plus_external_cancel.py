import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def guarded(name, d):
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(d) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{now()} {name}: TimeoutError (cancelling={me.cancelling()})")
        return "timeout"
    except asyncio.CancelledError:
        print(f"{now()} {name}: CancelledError (expired={cm.expired()} cancelling={me.cancelling()})")
        raise

async def main():
    loop = asyncio.get_running_loop()
    # external cancel lands in the same iteration as the timeout
    t1 = asyncio.create_task(guarded("t1", 0.25))
    loop.call_later(0.25, t1.cancel)
    r = await asyncio.gather(t1, return_exceptions=True)
    print(now(), r)
    # external cancel first, then timeout fires while task handles it? No: cancel before deadline
    t2 = asyncio.create_task(guarded("t2", 0.25))
    await asyncio.sleep(0.125)
    t2.cancel()
    print(now(), await asyncio.gather(t2, return_exceptions=True))
    # timeout fires, but cancellation is swallowed by the body before reaching __aexit__
    async def swallow():
        async with asyncio.timeout(0.125) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print(f"{now()} body swallowed the timeout cancel")
            await asyncio.sleep(0.125)
        return f"{now()} exited normally expired={cm.expired()} cancelling={asyncio.current_task().cancelling()}"
    print(await swallow())
    # two nested timeouts, outer external cancel also
    async def nested():
        async with asyncio.timeout(0.5):
            async with asyncio.timeout(0.25):
                await asyncio.sleep(1)
    t3 = asyncio.create_task(nested())
    loop.call_later(0.25, t3.cancel, "ext")
    res = await asyncio.gather(t3, return_exceptions=True)
    print(now(), [type(x).__name__ for x in res], t3.cancelled())

asyncio.run(main())
