import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def numbers(tag, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(f"{now()} numbers[{tag}] closing")

async def pairs():
    async for a in numbers("outer", 3):
        async for b in numbers(f"inner{a}", 3):
            if b > a:
                break
            yield (a, b)
    print(f"{now()} pairs exhausted")

async def chained():
    async for p in pairs():
        yield p[0] * 10 + p[1]

async def main():
    print(f"{now()} {[x async for x in chained()]}")
    await asyncio.sleep(0.5)
    print(f"{now()} -- break out of nested async for in main")
    g = numbers("kept", 5)
    async for x in g:
        async for y in numbers(f"tmp{x}", 5):
            if y == 1:
                break
        print(f"{now()} x={x}")
        if x == 1:
            break
    print(f"{now()} after loops")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(f"{now()} kept generator still open; closing explicitly")
    await g.aclose()
    print(f"{now()} end")

asyncio.run(main())
