"""Seed 004: main awaits an async function that does its magic for one second."""
import asyncio


async def my_async_function():
    print("Async function is doing its magic!")
    await asyncio.sleep(1)
    print("Async function has completed!")


async def main():
    await my_async_function()


asyncio.run(main())
