import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def critical(log):
    log.append(f"{now()} critical start")
    await asyncio.sleep(0.5)
    log.append(f"{now()} critical end")
    return "saved"

async def child_shields(log, holder):
    inner = asyncio.ensure_future(critical(log))
    holder.append(inner)
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        log.append(f"{now()} child cancelled, inner done={inner.done()}")
        r = await inner
        log.append(f"{now()} child got inner result {r} anyway")
        raise

async def failer():
    await asyncio.sleep(0.125)
    raise OSError("disk gone")

async def main():
    log = []
    holder = []
    try:
        async with asyncio.TaskGroup() as tg:
            c = tg.create_task(child_shields(log, holder))
            tg.create_task(failer())
    except* OSError as eg:
        print(f"{now()} caught {eg!r}")
    for line in log:
        print(line)
    print(c.cancelled(), holder[0].result())
    # shield where the outer is cancelled from main, inner fails later
    async def boom():
        await asyncio.sleep(0.25)
        raise KeyError("late")
    inner = asyncio.ensure_future(boom())
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.0625)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print(f"{now()} outer cancelled; inner pending={not inner.done()}")
    try:
        await inner
    except KeyError as e:
        print(f"{now()} inner raised {e!r}")

asyncio.run(main())
