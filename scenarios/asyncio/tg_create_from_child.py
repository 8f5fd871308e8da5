import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def leaf(name, secs, fail=False):
    try:
        await asyncio.sleep(secs)
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise
    if fail:
        raise ValueError(name)
    print(f"{now()} {name} done")
    return name

async def spawner(tg, depth):
    await asyncio.sleep(0.1)
    if depth > 0:
        tg.create_task(spawner(tg, depth - 1), name=f"spawner{depth - 1}")
    tg.create_task(leaf(f"leaf{depth}", 0.05 * depth))
    print(f"{now()} spawner{depth} spawned")

async def late_spawner(tg):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{now()} late_spawner cancelled; trying to spawn")
        try:
            tg.create_task(leaf("never", 0))
        except RuntimeError as e:
            print(f"{now()} RuntimeError: {e}")
        raise

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 3), name="spawner3")
    print(f"{now()} first group done")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(late_spawner(tg))
            tg.create_task(leaf("failer", 0.2, fail=True))
    except ExceptionGroup as eg:
        print(f"{now()} {eg!r}")
    # create_task on a group from a task outside the group, after it exited
    saved = []
    async with asyncio.TaskGroup() as tg:
        saved.append(tg)
    c = leaf("x", 0)
    try:
        saved[0].create_task(c)
    except RuntimeError as e:
        print(f"{now()} RuntimeError: {e}")
    # names of tasks
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(leaf("named", 0), name="custom")
    print(f"{now()} {t.get_name()} -> {t.result()}")

asyncio.run(main())
