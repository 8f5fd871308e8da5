"""A task that catches CancelledError and returns normally is not cancelled()."""
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("caught the cancellation")
    return "finished anyway"


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    task.cancel()
    print(await task)
    print("cancelled:", task.cancelled())


asyncio.run(main())
