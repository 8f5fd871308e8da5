import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    loop = asyncio.get_running_loop()
    # push the deadline later while sleeping, from another task
    async def extender(cm, at, new):
        await asyncio.sleep(at)
        cm.reschedule(loop.time() + new)
        print(f"{now()} extended to {round(cm.when(), 3)}")
    try:
        async with asyncio.timeout(0.3) as cm:
            asyncio.create_task(extender(cm, 0.2, 0.5))
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{now()} timed out after extension")
    # pull the deadline into the past: fires on the next iteration
    try:
        async with asyncio.timeout(5) as cm:
            await asyncio.sleep(0.1)
            cm.reschedule(loop.time() - 1)
            print(f"{now()} rescheduled into the past, expired={cm.expired()}")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"{now()} past deadline fired, expired={cm.expired()}")
    # timeout_at in the past from the start
    try:
        async with asyncio.timeout_at(loop.time() - 5):
            print(f"{now()} body runs before the past timeout fires")
            await asyncio.sleep(0)
    except TimeoutError:
        print(f"{now()} timeout_at past fired")
    # timeout(0) and no await: no error
    async with asyncio.timeout(0) as cm:
        x = 1 + 1
    print(f"{now()} timeout(0) without await: expired={cm.expired()}")
    # nested timeouts with the same deadline
    try:
        async with asyncio.timeout(0.2) as outer:
            try:
                async with asyncio.timeout(0.2) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print(f"{now()} inner caught TimeoutError")
                raise
    except TimeoutError:
        print(f"{now()} outer caught; inner.expired={inner.expired()} outer.expired={outer.expired()}")
    # inner deadline later than the outer
    try:
        async with asyncio.timeout(0.1) as outer:
            async with asyncio.timeout(0.5) as inner:
                await asyncio.sleep(1)
    except TimeoutError:
        print(f"{now()} outer fired first; inner.expired={inner.expired()} outer.expired={outer.expired()}")
    # timeout cancelled from outside at the same time
    async def victim():
        try:
            async with asyncio.timeout(0.3):
                await asyncio.sleep(1)
        except TimeoutError:
            print(f"{now()} victim TimeoutError")
            return "timeout"
    v = asyncio.create_task(victim())
    await asyncio.sleep(0.3)
    v.cancel()
    r = await asyncio.gather(v, return_exceptions=True)
    print(f"{now()} victim result {r[0]!r}")
    print(f"{now()} end cancelling={asyncio.current_task().cancelling()}")

asyncio.run(main())
