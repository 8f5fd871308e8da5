import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def careful():
    try:
        print(f"{now()} careful: working")
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"{now()} careful: cancelled, cleaning up")
        await asyncio.sleep(1.5)
        print(f"{now()} careful: cleanup finished")
        raise

async def swallower():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"{now()} swallower: cancelled, returning a value instead")
        await asyncio.sleep(0.5)
        return "salvaged"

async def main():
    try:
        await asyncio.wait_for(careful(), 1)
    except TimeoutError:
        print(f"{now()} main: TimeoutError only after cleanup")
    r = await asyncio.wait_for(swallower(), 1)
    print(f"{now()} main: wait_for returned {r!r}")

asyncio.run(main())
