import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def inner():
    try:
        await asyncio.sleep(5)
        return "inner done"
    except asyncio.CancelledError:
        print(f"{now()} inner: cancelled")
        raise

async def outer(t):
    try:
        return await t
    except asyncio.CancelledError:
        print(f"{now()} outer: cancelled, inner.cancelled()={t.cancelled()} inner.done()={t.done()}")
        raise

async def main():
    ti = asyncio.create_task(inner(), name="inner")
    to = asyncio.create_task(outer(ti), name="outer")
    await asyncio.sleep(1)
    print(f"{now()} main: cancel outer ->", to.cancel())
    print(f"{now()} main: inner.done()={ti.done()}")
    await asyncio.sleep(0)
    print(f"{now()} main: after 1 step inner.done()={ti.done()} outer.done()={to.done()}")
    await asyncio.sleep(0)
    print(f"{now()} main: after 2 steps inner.done()={ti.done()} outer.done()={to.done()}")
    res = await asyncio.gather(ti, to, return_exceptions=True)
    print("gathered:", [type(r).__name__ for r in res])
    print("inner cancelled:", ti.cancelled(), "outer cancelled:", to.cancelled())

asyncio.run(main())
