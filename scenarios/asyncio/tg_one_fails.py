import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

# TaskGroup cancels its remaining children by iterating a set (address order),
# so cancelled children log their events and main prints the log sorted.
log = []

async def worker(name, secs, cleanup):
    try:
        print(f"{now()} {name}: start")
        await asyncio.sleep(secs)
        print(f"{now()} {name}: finished")
        return name
    except asyncio.CancelledError:
        log.append(f"{now()} {name}: cancelled, cleaning up")
        await asyncio.sleep(cleanup)
        log.append(f"{now()} {name}: cleanup done")
        raise

async def failer(secs):
    await asyncio.sleep(secs)
    print(f"{now()} failer: raising")
    raise ValueError("boom")

async def main():
    tasks = []
    try:
        async with asyncio.TaskGroup() as tg:
            tasks.append(tg.create_task(worker("quick", 0.5, 0)))
            tasks.append(tg.create_task(worker("slow", 5, 0.5)))
            tasks.append(tg.create_task(failer(1)))
            tasks.append(tg.create_task(worker("slower", 7, 0.75)))
            print(f"{now()} body waiting")
        print("not reached")
    except ExceptionGroup as eg:
        print(f"{now()} caught {type(eg).__name__}: {eg}")
        print("  message:", eg.message)
        print("  exceptions:", eg.exceptions)
        print("  reprs:", [repr(e) for e in eg.exceptions])
    print("\n".join(sorted(log)))
    print("states:", [(t.done(), t.cancelled()) for t in tasks])

asyncio.run(main())
