import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def step(name, secs, fail):
    try:
        await asyncio.sleep(secs)
        if fail:
            raise RuntimeError(f"{name} exploded")
        print(f"{now()} {name} ok")
    finally:
        print(f"{now()} {name} finally")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("a", 0.5, False))
        tg.create_task(step("b", 1, True))
        tg.create_task(step("c", 2, False))
    print("not reached")

try:
    asyncio.run(main())
finally:
    print("after asyncio.run")
