"""Seed 002: an async function returns a coroutine object, which runs only when driven."""
import asyncio


async def my_coroutine():
    print("This is an async function")


asyncio.run(my_coroutine())
