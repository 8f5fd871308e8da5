"""Seed 003: main awaits say_hello; "End" waits for the whole of say_hello."""
import asyncio


# An asynchronous function (coroutine)
async def say_hello():
    print("Hello")
    await asyncio.sleep(1)  # Simulate a network or I/O operation
    print("World")


# Running the coroutine
async def main():
    print("Start")
    await say_hello()  # This won't block
    print("End")


# Entry point for the event loop
asyncio.run(main())
