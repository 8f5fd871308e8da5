"""Seed 004: running concurrent coroutines; both start before either finishes."""
import asyncio


async def task1():
    print("Task 1 is doing its job!")
    await asyncio.sleep(2)
    print("Task 1 is done!")


async def task2():
    print("Task 2 is doing its job!")
    await asyncio.sleep(1)
    print("Task 2 is done!")


async def main():
    await asyncio.gather(task1(), task2())


asyncio.run(main())
