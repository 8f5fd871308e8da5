"""gather: the first exception propagates at once while the siblings keep running."""
import asyncio


async def ok(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError("boom")


async def main():
    try:
        await asyncio.gather(ok("slow", 2), fail(1), ok("fast", 0.5))
    except ValueError as e:
        print("gather raised:", repr(e))
    await asyncio.sleep(2)
    print("main done")


asyncio.run(main())
