import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    cm = asyncio.timeout(1)
    print("before enter:", repr(cm), "when:", cm.when(), "expired:", cm.expired())
    try:
        async with cm:
            print(f"{now()} inside:", repr(cm))
            await asyncio.sleep(2)
            print("not reached")
    except TimeoutError as e:
        print(f"{now()} caught {type(e).__name__} args={e.args} cause={type(e.__cause__).__name__} context={type(e.__context__).__name__}")
    print("after:", repr(cm), "expired:", cm.expired(), "when:", cm.when())
    async with asyncio.timeout(5) as cm2:
        await asyncio.sleep(1)
        print(f"{now()} inside cm2, when={cm2.when()}")
    print(f"{now()} cm2 after:", repr(cm2), "expired:", cm2.expired())
    async with asyncio.timeout(None) as cm3:
        print("cm3:", repr(cm3), cm3.when())
        await asyncio.sleep(3)
    print(f"{now()} cm3 after:", repr(cm3), "expired:", cm3.expired())

asyncio.run(main())
