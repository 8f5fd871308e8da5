"""sleep(0) yields to the other ready tasks: two workers alternate step by step."""
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    return name


async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 2))
    print(results)


asyncio.run(main())
