# divergence: CPython cancels leftover tasks in set (address) order; scenario in creation order
"""Several tasks pending at the end: asyncio.run cancels them in creation order."""
import asyncio


async def background(name):
    try:
        await asyncio.sleep(100)
    finally:
        print(f"{name} cleanup")


async def main():
    for name in ("one", "two", "three"):
        asyncio.create_task(background(name))
    await asyncio.sleep(1)
    print("main returns")


asyncio.run(main())
