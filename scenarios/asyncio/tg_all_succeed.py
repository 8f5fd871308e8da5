import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def fetch(i, secs):
    print(f"{now()} fetch {i} start")
    await asyncio.sleep(secs)
    print(f"{now()} fetch {i} end")
    return i * i

async def main():
    async with asyncio.TaskGroup() as tg:
        print("tg repr inside:", repr(tg))
        tasks = [tg.create_task(fetch(i, s), name=f"f{i}") for i, s in enumerate((0.3, 0.1, 0.2))]
        print(f"{now()} body done creating {len(tasks)} tasks")
        await asyncio.sleep(0.15)
        print(f"{now()} body after sleep; done flags {[t.done() for t in tasks]}")
        tasks.append(tg.create_task(fetch(9, 0.1)))
    print(f"{now()} after async with:", [t.result() for t in tasks])
    print("tg repr after:", repr(tg))
    print("names:", [t.get_name() for t in tasks])
    async with asyncio.TaskGroup() as empty:
        pass
    print("empty group fine:", repr(empty))
    try:
        empty.create_task(fetch(0, 0))
    except RuntimeError as e:
        print("create_task after exit:", e)

asyncio.run(main())
