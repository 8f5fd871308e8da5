import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def work(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise

async def main():
    # wait_for on a shield: timeout, inner keeps running
    t = asyncio.create_task(work("inner1", 0.5))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.2)
    except asyncio.TimeoutError:
        print(f"{now()} wait_for timed out; inner done={t.done()}")
    print(f"{now()} awaited later: {await t}")
    # shield of a done task returns at once
    print(f"{now()} shield done: {await asyncio.shield(t)}")
    # cancelling the inner cancels the outer shield
    t2 = asyncio.create_task(work("inner2", 1))
    async def outer():
        return await asyncio.shield(t2)
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.1)
    t2.cancel()
    res = await asyncio.gather(o, return_exceptions=True)
    print(f"{now()} outer result: {type(res[0]).__name__}")
    # cancelling the task awaiting the shield: inner continues, its error is not lost
    async def failing():
        await asyncio.sleep(0.3)
        raise ValueError("inner failure")
    t3 = asyncio.create_task(failing())
    async def awaiter():
        try:
            await asyncio.shield(t3)
        except asyncio.CancelledError:
            print(f"{now()} awaiter cancelled")
            raise
    a = asyncio.create_task(awaiter())
    await asyncio.sleep(0.1)
    a.cancel()
    await asyncio.sleep(0.5)
    print(f"{now()} t3 exception: {t3.exception()!r}")
    # shield a coroutine directly; cancel outer; the coroutine still completes
    holder = []
    async def side():
        await asyncio.sleep(0.2)
        holder.append("side done")
        return 5
    async def shielded_coro():
        return await asyncio.shield(side())
    s = asyncio.create_task(shielded_coro())
    await asyncio.sleep(0.05)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print(f"{now()} shielded coro task cancelled, holder={holder}")
    await asyncio.sleep(0.3)
    print(f"{now()} holder={holder}")
    # double shield
    t4 = asyncio.create_task(work("inner4", 0.2))
    print(f"{now()} {await asyncio.shield(asyncio.shield(t4))}")

asyncio.run(main())
