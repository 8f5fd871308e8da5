import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def scenario(outer_d, inner_d, work):
    print(f"{now()} --- outer={outer_d} inner={inner_d} work={work}")
    outer = inner = None
    try:
        async with asyncio.timeout(outer_d) as outer:
            try:
                async with asyncio.timeout(inner_d) as inner:
                    await asyncio.sleep(work)
                    print(f"{now()} work finished")
            except TimeoutError:
                print(f"{now()} inner TimeoutError caught inside outer")
            await asyncio.sleep(0.5)
            print(f"{now()} after inner block")
    except TimeoutError:
        print(f"{now()} outer TimeoutError")
    print(f"{now()} outer.expired={outer.expired()} inner.expired={inner.expired()}")

async def main():
    await scenario(3, 1, 2)
    await scenario(1, 3, 2)
    await scenario(5, 4, 1)
    await scenario(2, 1.75, 1.6)
    print(f"{now()} cancelling count: {asyncio.current_task().cancelling()}")

asyncio.run(main())
