"""Task names: Task-N by default (numbered across the program), or name=; current_task()."""
import asyncio


async def report():
    task = asyncio.current_task()
    print("running", task.get_name())
    await asyncio.sleep(0)


async def main():
    print("main is", asyncio.current_task().get_name())
    await asyncio.gather(
        asyncio.create_task(report(), name="reporter"),
        report(),
        report(),
    )
    print(sorted(t.get_name() for t in asyncio.all_tasks()))


asyncio.run(main())
asyncio.run(main())
