# divergence: the oracle cannot run worker threads on its virtual clock (SPEC section 6)
import asyncio
import time


def blocking_io(seconds):
    print(f"worker: start {seconds}")
    time.sleep(seconds)
    print(f"worker: done {seconds}")
    return seconds * 10


async def ticker(n):
    for i in range(n):
        print(f"{asyncio.get_running_loop().time():.1f} tick {i}")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, 2),
        loop.run_in_executor(None, blocking_io, 1),
        ticker(6),
    )
    print(results, loop.time())
    # A blocking call on the loop itself stalls everyone:
    started = loop.time()
    await asyncio.gather(asyncio.to_thread(time.sleep, 1), ticker(2))
    print(f"threaded sleep took {loop.time() - started:.1f}s of loop time")


asyncio.run(main())
