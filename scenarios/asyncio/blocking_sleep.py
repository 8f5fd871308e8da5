"""time.sleep blocks the whole loop: the other task's timer fires late."""
import asyncio
import time


async def ticker():
    for _ in range(3):
        await asyncio.sleep(1)
        print(f"tick at {asyncio.get_running_loop().time()}")


async def blocker():
    await asyncio.sleep(0.5)
    print("blocking for 2 seconds")
    time.sleep(2)
    print("unblocked")


async def main():
    start = time.perf_counter()
    await asyncio.gather(ticker(), blocker())
    print(f"elapsed {time.perf_counter() - start:.1f}s")


asyncio.run(main())
