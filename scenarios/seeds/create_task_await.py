"""Seed 004: create a task for a coroutine and await its completion."""
import asyncio


async def my_async_function():
    print("Async function is doing its magic!")
    await asyncio.sleep(1)
    print("Async function has completed!")


async def main():
    task = asyncio.create_task(my_async_function())
    await task


asyncio.run(main())
