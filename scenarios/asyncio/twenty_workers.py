# Twenty tasks (main and nineteen workers) sharing a lock: the scenario the SVG timeline
# test renders in a browser, one lane per task.
import asyncio
import random

random.seed(3)


async def worker(n, lock):
    await asyncio.sleep(random.random() * 2)
    async with lock:
        print(f"worker {n} has the lock")
        await asyncio.sleep(0.1)
    if n == 7:
        raise ValueError("seven")
    return n


async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(worker(i, lock), name=f"w{i}") for i in range(19)]
    tasks[3].cancel()
    try:
        async with asyncio.timeout(1.5):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timed out")
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(results)


asyncio.run(main())
