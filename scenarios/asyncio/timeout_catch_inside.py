import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 1) as cm:
            try:
                await asyncio.sleep(3)
            except TimeoutError:
                print("inside: TimeoutError (never happens)")
            except asyncio.CancelledError:
                print(f"{now()} inside: saw CancelledError, re-raising")
                raise
    except TimeoutError:
        print(f"{now()} outside: TimeoutError, expired={cm.expired()}")
    try:
        async with asyncio.timeout_at(loop.time() + 1) as cm:
            try:
                await asyncio.sleep(3)
            except asyncio.CancelledError:
                print(f"{now()} inside: swallowing CancelledError")
            print(f"{now()} inside: continuing after swallow")
        print(f"{now()} no TimeoutError raised, expired={cm.expired()} {cm!r}")
    except TimeoutError:
        print("outside: TimeoutError (not expected)")
    print(f"{now()} task cancelling={asyncio.current_task().cancelling()}")
    await asyncio.sleep(1)
    print(f"{now()} still alive")

asyncio.run(main())
