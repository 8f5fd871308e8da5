import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.5)
        yield n
        n -= 1

async def main():
    g = countdown(3)
    it = aiter(g)
    print("aiter returns same object:", it is g)
    for _ in range(3):
        v = await anext(it)
        print(f"{now()} anext -> {v}")
    v = await anext(it, 'DONE')
    print(f"{now()} anext with default -> {v}")
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print(f"{now()} StopAsyncIteration args={e.args}")
    g2 = countdown(2)
    aw = anext(g2)
    print("nothing ran yet:", now())
    v = await aw
    print(f"{now()} awaited later -> {v}")
    rest = [x async for x in g2]
    print(f"{now()} rest {rest}")
    try:
        anext([1, 2])
    except TypeError as e:
        print("anext(list):", e)
    try:
        aiter([1, 2])
    except TypeError as e:
        print("aiter(list):", e)

asyncio.run(main())
