import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def consumer(cond, name, items):
    async with cond:
        print(f"{now()} {name}: waiting")
        await cond.wait()
        got = items.pop(0) if items else None
        print(f"{now()} {name}: woke, took {got}, locked={cond.locked()}")

async def main():
    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(4)]
    await asyncio.sleep(1)
    async with cond:
        items.append("x")
        print(f"{now()} main: notify(1)")
        cond.notify(1)
        await asyncio.sleep(0.5)
        print(f"{now()} main: still holding the lock")
    await asyncio.sleep(1)
    async with cond:
        items.extend(["y", "z"])
        print(f"{now()} main: notify_all")
        cond.notify_all()
    await asyncio.gather(*cs)
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify without lock:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait without lock:", e)

asyncio.run(main())
