import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

lock = None

async def ret_inside(x):
    async with lock:
        if x > 0:
            return f"early {x}"
        await asyncio.sleep(0.1)
    return "late"

async def loop_flow():
    seen = []
    for i in range(6):
        async with lock:
            if i == 1:
                continue
            if i == 4:
                break
            seen.append(i)
            await asyncio.sleep(0.01)
    return seen

async def while_flow():
    i = 0
    while True:
        i += 1
        async with lock:
            if i < 3:
                continue
            return i

async def raise_inside():
    async with lock:
        raise ValueError("inside")

async def main():
    global lock
    lock = asyncio.Lock()
    print(await ret_inside(1), lock.locked())
    print(await ret_inside(0), lock.locked())
    print(await loop_flow(), lock.locked())
    print(await while_flow(), lock.locked())
    try:
        await raise_inside()
    except ValueError as e:
        print("ValueError", e, lock.locked())
    # exception inside nested async with of several managers
    l2 = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    try:
        async with lock, l2, sem:
            print("all held", lock.locked(), l2.locked(), sem.locked())
            raise KeyError("multi")
    except KeyError as e:
        print("KeyError", e, lock.locked(), l2.locked(), sem.locked())
    # async with ... as target on lock returns None; on semaphore too
    async with lock as a, sem as b:
        print("targets", a, b)
    # semaphore in a loop with continue, concurrent tasks
    sem3 = asyncio.Semaphore(2)
    active = [0]
    peak = [0]
    async def worker(n):
        done = 0
        for i in range(4):
            async with sem3:
                active[0] += 1
                peak[0] = max(peak[0], active[0])
                try:
                    if (i + n) % 2:
                        continue
                    await asyncio.sleep(0.1)
                    done += 1
                finally:
                    active[0] -= 1
        return done
    res = await asyncio.gather(*(worker(n) for n in range(4)))
    print(f"{now()} {res} peak={peak[0]} locked={sem3.locked()}")
    # break out of async for inside async with
    async def agen():
        for i in range(5):
            yield i
    async with lock:
        async for v in agen():
            if v == 2:
                break
    print("after break", v, lock.locked())

asyncio.run(main())
