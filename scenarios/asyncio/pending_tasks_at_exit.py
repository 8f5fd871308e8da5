"""A task still pending when main returns is cancelled by asyncio.run, and its cleanup runs."""
import asyncio


async def background():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("background cancelled at shutdown")
        raise
    finally:
        print("background cleanup")


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(1)
    print("main returns")


asyncio.run(main())
print("program ends")
