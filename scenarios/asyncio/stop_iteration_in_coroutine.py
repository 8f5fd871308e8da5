"""StopIteration cannot escape a coroutine (PEP 479): it becomes a RuntimeError."""
import asyncio


async def first(items):
    await asyncio.sleep(0)
    return next(iter(items))


async def main():
    print(await first([1, 2]))
    try:
        await first([])
    except RuntimeError as e:
        print("RuntimeError:", e, "| caused by", type(e.__cause__).__name__)


asyncio.run(main())
