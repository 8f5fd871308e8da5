import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def leaf(tag, secs):
    await asyncio.sleep(secs)
    print(f"{now()} leaf {tag}")
    return tag

async def main():
    g1 = asyncio.gather(leaf("a", 0.3), leaf("b", 0.1))
    g2 = asyncio.gather(leaf("c", 0.2), asyncio.gather(leaf("d", 0.05), leaf("e", 0.4)))
    res = await asyncio.gather(g1, g2, leaf("f", 0.15))
    print(f"{now()} {res}")
    same = asyncio.create_task(leaf("same", 0.1))
    print(await asyncio.gather(same, same, same))
    inner = asyncio.gather(leaf("x", 1), leaf("y", 2))
    outer = asyncio.gather(inner, leaf("z", 3))
    await asyncio.sleep(1.5)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print(f"{now()} outer cancelled because inner was; outer.cancelled()={outer.cancelled()}")
    await asyncio.sleep(2)
    print(f"{now()} end")

asyncio.run(main())
