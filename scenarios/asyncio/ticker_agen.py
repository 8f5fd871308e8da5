import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def ticker(interval, log):
    n = 0
    start = asyncio.get_running_loop().time()
    try:
        while True:
            target = start + (n + 1) * interval
            await asyncio.sleep(max(0, target - asyncio.get_running_loop().time()))
            n += 1
            log.append(f"tick{n}")
            yield n, now()
    finally:
        log.append(f"ticker closed at {now()} after {n}")
        await asyncio.sleep(0.0625)
        log.append(f"ticker cleanup done {now()}")

async def consumer(log):
    total = 0
    async for n, t in ticker(0.25, log):
        print(f"{now()} consumer got tick {n} stamped {t}")
        if n % 2 == 0:
            await asyncio.sleep(0.375)
        total += n
        if n >= 5:
            break
    print(f"{now()} consumer broke out, total={total}")
    return total

async def main():
    log = []
    t = await consumer(log)
    await asyncio.sleep(0.125)
    print(now(), t)
    for line in log:
        print(line)
    log2 = []
    gen = ticker(0.5, log2)
    got = [await gen.__anext__() for _ in range(2)]
    print(got)
    await gen.aclose()
    print(now(), log2)
    got = [x async for x in ticker(0.125, log2) if x[0] < 3] if False else None
    print(got)

asyncio.run(main())
