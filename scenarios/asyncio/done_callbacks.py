"""add_done_callback: callbacks run through the loop, after the task finishes, in order."""
import asyncio


def announce(task):
    print("callback:", task.get_name(), task.result())


async def work(x):
    await asyncio.sleep(x)
    print("work", x, "returning")
    return x


async def main():
    task = asyncio.create_task(work(1), name="worker")
    task.add_done_callback(announce)
    task.add_done_callback(lambda t: print("second callback sees done:", t.done()))
    print("awaited:", await task)
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
