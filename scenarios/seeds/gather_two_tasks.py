"""Seed 003: gather runs task_1 and task_2 concurrently; task 2 finishes first."""
import asyncio


async def task_1():
    await asyncio.sleep(2)
    print("Task 1 completed")


async def task_2():
    await asyncio.sleep(1)
    print("Task 2 completed")


async def main():
    await asyncio.gather(task_1(), task_2())  # Runs both tasks concurrently


asyncio.run(main())
