"""Cancelling a task before it first runs: its body never runs."""
import asyncio


async def never():
    print("this never prints")


async def main():
    task = asyncio.create_task(never())
    print("cancel:", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
    print("cancelled:", task.cancelled(), "done:", task.done())
    print("cancel again:", task.cancel())


asyncio.run(main())
