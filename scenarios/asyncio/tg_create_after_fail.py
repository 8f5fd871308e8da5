import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def failer():
    await asyncio.sleep(0.5)
    raise OSError("disk gone")

async def sleeper(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name} done")
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failer())
            tg.create_task(sleeper("s1", 2))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print(f"{now()} body cancelled by the group; tg={tg!r}")
                coro = sleeper("late", 1)
                try:
                    tg.create_task(coro)
                except RuntimeError as e:
                    print("create_task:", e)
                raise
    except ExceptionGroup as eg:
        print(f"{now()} {eg!r}")
    print("cancelling after:", asyncio.current_task().cancelling())

asyncio.run(main())
