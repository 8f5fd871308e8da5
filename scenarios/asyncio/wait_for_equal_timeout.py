"""A timeout and a completion due at the same instant: the timeout wins."""
import asyncio


async def work():
    try:
        await asyncio.sleep(1)
        print("work finished")
        return "result"
    except asyncio.CancelledError:
        print("work cancelled")
        raise


async def main():
    try:
        print(await asyncio.wait_for(work(), timeout=1))
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
