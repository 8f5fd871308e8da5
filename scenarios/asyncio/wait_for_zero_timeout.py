"""wait_for with timeout 0 (or less) cancels at once; with None it just waits."""
import asyncio


async def work(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    for timeout in (0, -1):
        try:
            await asyncio.wait_for(work(1), timeout=timeout)
        except asyncio.TimeoutError as e:
            print(f"timeout={timeout}:", type(e).__name__, repr(e.__cause__))
    print("None:", await asyncio.wait_for(work(2), timeout=None))


asyncio.run(main())
