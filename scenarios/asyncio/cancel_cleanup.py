"""Cancelling a sleeping task: CancelledError arrives at the await, finally runs (and may await)."""
import asyncio


async def worker():
    try:
        print("worker sleeping")
        await asyncio.sleep(10)
    finally:
        print("worker cleaning up")
        await asyncio.sleep(0.5)
        print("worker cleaned up")


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"worker cancelled at {loop.time()}")


asyncio.run(main())
