"""Seed 001: awaiting multiple coroutines with asyncio.gather; all three greet, then all say goodbye."""
import asyncio


async def greet(name):
    print(f"Hello, {name}")
    await asyncio.sleep(1)
    print(f"Goodbye, {name}")


async def main():
    await asyncio.gather(
        greet("Alice"),
        greet("Bob"),
        greet("Charlie")
    )


asyncio.run(main())
