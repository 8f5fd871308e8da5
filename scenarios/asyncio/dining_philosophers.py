import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def philosopher(i, forks, meals, log):
    left, right = forks[i], forks[(i + 1) % len(forks)]
    eaten = 0
    backoffs = 0
    while eaten < meals:
        await left.acquire()
        try:
            await asyncio.sleep(0.0625)
            try:
                await asyncio.wait_for(right.acquire(), 0.125 * (i + 1))
            except asyncio.TimeoutError:
                backoffs += 1
                log.append(f"{now()} p{i} backs off")
                continue
            try:
                eaten += 1
                log.append(f"{now()} p{i} eats #{eaten}")
                await asyncio.sleep(0.25)
            finally:
                right.release()
        finally:
            left.release()
        await asyncio.sleep(0.125)
    return i, eaten, backoffs

async def main():
    forks = [asyncio.Lock() for _ in range(5)]
    log = []
    res = await asyncio.gather(*(philosopher(i, forks, 2, log) for i in range(5)))
    for line in log:
        print(line)
    print(now(), res, [f.locked() for f in forks])

asyncio.run(main())
