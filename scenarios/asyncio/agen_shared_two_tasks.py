import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def ticker():
    try:
        for i in range(6):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(f"{now()} ticker finally")

async def puller(g, name, n):
    got = []
    for _ in range(n):
        try:
            got.append(await anext(g))
        except RuntimeError as e:
            print(f"{now()} {name}: RuntimeError {e}")
            await asyncio.sleep(0.15)
        except StopAsyncIteration:
            print(f"{now()} {name}: exhausted")
            break
    return name, got

async def main():
    g = ticker()
    res = await asyncio.gather(puller(g, "A", 4), puller(g, "B", 4))
    print(f"{now()} {res}")
    # alternate strictly with a lock
    g2 = ticker()
    lock = asyncio.Lock()
    async def locked_puller(name):
        got = []
        while True:
            async with lock:
                x = await anext(g2, None)
            if x is None:
                return name, got
            got.append(x)
            await asyncio.sleep(0)
    res = await asyncio.gather(locked_puller("L1"), locked_puller("L2"))
    print(f"{now()} {res}")

asyncio.run(main())
