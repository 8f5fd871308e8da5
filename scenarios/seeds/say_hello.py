"""Seed 001: basic async and await; "World" is printed one second after "Hello"."""
import asyncio


async def say_hello():
    print("Hello")
    await asyncio.sleep(1)
    print("World")


asyncio.run(say_hello())
