import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{now()} inner: cancelled")
        raise

async def waiter():
    try:
        await asyncio.wait_for(inner(), 5)
    except asyncio.CancelledError:
        print(f"{now()} waiter: CancelledError (not TimeoutError)")
        raise
    except TimeoutError:
        print("waiter: TimeoutError (unexpected)")

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{now()} main: waiter cancelled={t.cancelled()}")

asyncio.run(main())
