"""A created task does not run until its creator yields; tasks start in creation order."""
import asyncio


async def child(name):
    print(f"{name} running")


async def main():
    first = asyncio.create_task(child("first"))
    second = asyncio.create_task(child("second"))
    print("both created, neither has run:", first.done(), second.done())
    await asyncio.sleep(0)
    print("after one yield:", first.done(), second.done())


asyncio.run(main())
