import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    async with asyncio.timeout(0) as cm:
        print(f"{now()} no await inside timeout(0): body completes")
    print("expired:", cm.expired(), repr(cm))
    try:
        async with asyncio.timeout(-1) as cm:
            print(f"{now()} before await, when={cm.when()}")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"{now()} timeout(-1): TimeoutError at first await, expired={cm.expired()}")
    try:
        async with asyncio.timeout_at(loop.time()) as cm:
            await asyncio.sleep(5)
    except TimeoutError:
        print(f"{now()} timeout_at(now): TimeoutError")
    try:
        async with asyncio.timeout_at(0.5):
            print(f"{now()} timeout_at(0.5) entered late")
            await asyncio.sleep(0.1)
    except TimeoutError:
        print(f"{now()} timeout_at(0.5): TimeoutError")

asyncio.run(main())
