# divergence: CPython waits forever on a deadlock; scenario reports it at once (exit 3)
"""Two tasks awaiting each other can never finish: scenario names who waits for whom."""
import asyncio


async def first():
    await second_task


async def second():
    await first_task


async def main():
    global first_task, second_task
    first_task = asyncio.create_task(first())
    second_task = asyncio.create_task(second())
    await first_task


asyncio.run(main())
