"""as_completed with a timeout: results in completion order, then TimeoutError."""
import asyncio


async def work(delay):
    await asyncio.sleep(delay)
    return delay


async def main():
    try:
        for next_done in asyncio.as_completed([work(3), work(1), work(2), work(10)], timeout=5):
            print("completed:", await next_done)
    except asyncio.TimeoutError:
        print("the rest timed out")


asyncio.run(main())
