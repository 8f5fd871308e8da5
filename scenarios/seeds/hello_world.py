"""Seed 000: a simple asynchronous function that waits one second, then prints."""
import asyncio


async def say_hello():
    await asyncio.sleep(1)
    print("Hello, World!")


asyncio.run(say_hello())
