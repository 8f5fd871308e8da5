import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        value = random.random()
        print(f"{now()} yielding #{i}: {value}")
        yield value

async def main():
    random.seed(1)
    values = [v async for v in ticker(5, 1)]
    print(f"{now()} collected {len(values)}: {[round(v, 4) for v in values]}")
    big = [round(v * 100) async for v in ticker(4, 0.5) if v > 0.3]
    print(f"{now()} filtered: {big}")
    ints = [random.randint(1, 6) async for _ in ticker(3, 0.25)]
    print(f"{now()} dice: {ints}")
    total = 0.0
    async for v in ticker(3, 1):
        total += v
    print(f"{now()} total {total}")

asyncio.run(main())
