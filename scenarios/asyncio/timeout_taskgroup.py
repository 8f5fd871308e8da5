import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

# TaskGroup cancels children in set (address) order: log cancellations, print sorted
log = []

async def child(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name} finished")
    except asyncio.CancelledError:
        log.append(f"{now()} {name} cancelled")
        await asyncio.sleep(0.2)
        log.append(f"{now()} {name} cleanup done")
        raise

async def main():
    try:
        async with asyncio.timeout(1.5) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("a", 1))
                tg.create_task(child("b", 2))
                tg.create_task(child("c", 3))
    except TimeoutError:
        print(f"{now()} TimeoutError (not ExceptionGroup), expired={cm.expired()}")
    print(sorted(log))
    log.clear()
    print(f"{now()} cancelling={asyncio.current_task().cancelling()}")
    try:
        await asyncio.wait_for(asyncio.gather(child("d", 1), child("e", 2)), 1.5)
    except TimeoutError:
        print(f"{now()} wait_for around gather: TimeoutError")
    print(log)
    await asyncio.sleep(1)
    print(f"{now()} end")

asyncio.run(main())
