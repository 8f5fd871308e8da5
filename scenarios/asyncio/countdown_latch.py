import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

def make_latch(n):
    return {"count": n, "cond": asyncio.Condition()}

async def count_down(latch, who):
    async with latch["cond"]:
        latch["count"] -= 1
        print(f"{now()} {who} counts down -> {latch['count']}")
        if latch["count"] == 0:
            latch["cond"].notify_all()

async def await_latch(latch, who, timeout=None):
    async with latch["cond"]:
        if timeout is None:
            await latch["cond"].wait_for(lambda: latch["count"] <= 0)
            print(f"{now()} {who} released")
            return True
        try:
            await asyncio.wait_for(latch["cond"].wait_for(lambda: latch["count"] <= 0), timeout)
            print(f"{now()} {who} released (locked={latch['cond'].locked()})")
            return True
        except asyncio.TimeoutError:
            print(f"{now()} {who} timed out (locked={latch['cond'].locked()}) count={latch['count']}")
            return False

async def worker(latch, i):
    await asyncio.sleep(0.25 * (i + 1))
    await count_down(latch, f"w{i}")
    await asyncio.sleep(0.125)
    return i

async def main():
    latch = make_latch(4)
    waiters = [
        asyncio.create_task(await_latch(latch, "main-waiter")),
        asyncio.create_task(await_latch(latch, "impatient", 0.5)),
        asyncio.create_task(await_latch(latch, "patient", 2)),
        asyncio.create_task(await_latch(latch, "exact", 1.03125)),
    ]
    ws = await asyncio.gather(*(worker(latch, i) for i in range(4)))
    print(now(), ws, await asyncio.gather(*waiters))
    late = await await_latch(latch, "late", 0.1)
    print(now(), late)

asyncio.run(main())
