import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

cancelled = []

def describe(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}: {e}")
        for sub in e.exceptions:
            describe(sub, depth + 1)
    else:
        print(f"{pad}{type(e).__name__}: {e!r}")

async def fail(msg, delay, exc=ValueError):
    try:
        await asyncio.sleep(delay)
        raise exc(msg)
    except asyncio.CancelledError:
        cancelled.append(f"{now()} {msg}")
        raise

async def inner_group(delay_inner):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("inner-a", delay_inner))
        tg.create_task(fail("inner-b", delay_inner, TypeError))
        tg.create_task(fail("inner-slow", 10))
    print("unreachable")

async def main():
    for inner_delay, outer_delay in ((0.1, 0.5), (0.5, 0.1), (0.2, 0.2)):
        print(f"--- inner at {inner_delay}, outer at {outer_delay}")
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(inner_group(inner_delay))
                tg.create_task(fail("outer", outer_delay, KeyError))
                tg.create_task(fail("outer-slow", 10))
        except BaseExceptionGroup as eg:
            describe(eg)
            print(f"{now()} leaves: {sorted(type(x).__name__ for x in eg.exceptions)}")
            print(f"{now()} cancelled: {sorted(cancelled)}")
            cancelled.clear()

asyncio.run(main())
