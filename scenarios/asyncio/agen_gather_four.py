import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def numbers(tag, offset):
    await asyncio.sleep(offset)
    for i in range(10):
        await asyncio.sleep(1)
        yield (tag, i, random.randint(0, 99))

async def collect(tag, offset):
    out = [n async for (_, _, n) in numbers(tag, offset)]
    print(f"{now()} {tag} collected {out}")
    return sum(out)

async def main():
    random.seed(1)
    loop = asyncio.get_running_loop()
    start = loop.time()
    sums = await asyncio.gather(*(collect(t, k * 0.1) for k, t in enumerate("ABCD")))
    print(f"{now()} sums {sums}")
    print(f"elapsed {round(loop.time() - start, 3)} loop.time()={round(loop.time(), 3)}")

asyncio.run(main())
