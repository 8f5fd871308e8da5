import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print(f"{now()} when={cm.when()}")
        cm.reschedule(loop.time() + 2)
        print(f"{now()} rescheduled, when={cm.when()} {cm!r}")
        await asyncio.sleep(1.5)
        cm.reschedule(cm.when() + 1)
        print(f"{now()} pushed back, when={cm.when()}")
        await asyncio.sleep(1)
        cm.reschedule(None)
        print(f"{now()} disabled, when={cm.when()}")
        await asyncio.sleep(5)
    print(f"{now()} finished without timeout, expired={cm.expired()}")
    try:
        cm.reschedule(loop.time() + 1)
    except RuntimeError as e:
        print("reschedule after exit:", e)
    try:
        async with asyncio.timeout(10) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() - 1)
            print(f"{now()} rescheduled into the past")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"{now()} TimeoutError, expired={cm.expired()} {cm!r}")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("reschedule after expiry:", e)

asyncio.run(main())
