import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def stubborn(name, extra):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(extra)
        print(f"{now()} {name} swallowed cancel, returning normally after {extra}")
        return name

async def stubborn_fail(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        raise KeyError(name)

async def failer(delay):
    await asyncio.sleep(delay)
    raise ValueError("fail")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            s1 = tg.create_task(stubborn("s1", 0.5))
            s2 = tg.create_task(stubborn("s2", 0.2))
            tg.create_task(failer(0.1))
    except ExceptionGroup as eg:
        print(f"{now()} {eg!r}")
        print(f"{now()} s1={s1.result()} s2={s2.result()} cancelled={s1.cancelled()}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(stubborn_fail("sf"))
            tg.create_task(failer(0.1))
    except ExceptionGroup as eg:
        print(f"{now()} {eg!r}")
    # a child that swallows cancellation when the parent is cancelled from outside
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(stubborn("s3", 0.3))
        print(f"{now()} parent after group (should not print)")
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.1)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print(f"{now()} parent cancelled={p.cancelled()}")

asyncio.run(main())
