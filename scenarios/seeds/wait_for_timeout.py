"""Seed 003: asyncio.wait_for gives up on a 5-second task after 3 seconds."""
import asyncio


async def long_running_task():
    await asyncio.sleep(5)
    return "Task completed"


async def main():
    try:
        result = await asyncio.wait_for(long_running_task(), timeout=3)
        print(result)
    except asyncio.TimeoutError:
        print("Task timed out!")


asyncio.run(main())
