import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def square(x):
    await asyncio.sleep(0.1 * x)
    print(f"{now()} square({x})")
    return x * x

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0.05)
        yield i

async def main():
    seq = [await square(x) for x in [3, 1, 2]]
    print(f"{now()} list: {seq}")
    d = {x: await square(x) for x in range(3)}
    print(f"{now()} dict: {d}")
    s = {await square(x) % 3 for x in (1, 2, 3, 4)}
    print(f"{now()} set: {sorted(s)}")
    d2 = {i: i * i async for i in agen(4)}
    print(f"{now()} async dict comp: {d2}")
    s2 = {i % 2 async for i in agen(5)}
    print(f"{now()} async set comp: {sorted(s2)}")
    nested = [[await square(j) for j in range(i)] async for i in agen(3)]
    print(f"{now()} nested: {nested}")
    gen_results = [y async for x in agen(3) for y in (x, -x) if y != 0]
    print(f"{now()} mixed: {gen_results}")
    concurrent = await asyncio.gather(*[square(x) for x in (3, 1, 2)])
    print(f"{now()} concurrent: {concurrent}")

asyncio.run(main())
