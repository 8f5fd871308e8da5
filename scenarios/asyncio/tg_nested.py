import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

# TaskGroup cancels children in set (address) order: log cancellations, print sorted
log = []

async def leaf(name, secs, fail=False):
    try:
        await asyncio.sleep(secs)
        if fail:
            raise ValueError(name)
        print(f"{now()} {name} ok")
        return name
    except asyncio.CancelledError:
        log.append(f"{now()} {name} cancelled")
        raise

async def inner_group(tag, fail):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(f"{tag}.1", 0.5))
        tg.create_task(leaf(f"{tag}.2", 1, fail))
        tg.create_task(leaf(f"{tag}.3", 3))
    return tag

async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            t1 = outer.create_task(inner_group("A", False))
            t2 = outer.create_task(inner_group("B", True))
            outer.create_task(leaf("top", 2))
    except ExceptionGroup as eg:
        print(f"{now()} outer caught: {eg}")
        print("  nested:", [repr(e) for e in eg.exceptions])
        inner = eg.exceptions[0]
        print("  inner:", type(inner).__name__, inner.exceptions)
    print("cancelled:", sorted(log))
    print("A cancelled:", t1.cancelled(), "B exception type:", type(t2.exception()).__name__)

asyncio.run(main())
