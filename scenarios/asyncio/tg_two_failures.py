import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def fail_after_yield(exc):
    await asyncio.sleep(0)
    print(f"{now()} raising {exc!r}")
    raise exc

async def bystander():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{now()} bystander cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after_yield(ValueError("first")))
            tg.create_task(bystander())
            tg.create_task(fail_after_yield(TypeError("second")))
            tg.create_task(fail_after_yield(KeyError("third")))
    except ExceptionGroup as eg:
        print(f"{now()} {eg}")
        for e in eg.exceptions:
            print("  ", type(e).__name__, e)
        print("split:", eg.split(ValueError)[0], "|", eg.split(ValueError)[1])
        print("subgroup:", eg.subgroup(lambda e: isinstance(e, KeyError)))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after_yield(RuntimeError("solo")))
    except ExceptionGroup as eg:
        print(f"{now()} solo: {eg!r} len={len(eg.exceptions)}")

asyncio.run(main())
