"""gather(return_exceptions=True) puts exceptions in the result list, in argument order."""
import asyncio


async def work(n):
    await asyncio.sleep(n / 10)
    if n % 2:
        raise RuntimeError(f"odd {n}")
    return n * 10


async def main():
    results = await asyncio.gather(*(work(n) for n in range(5)), return_exceptions=True)
    for result in results:
        print(type(result).__name__, result)


asyncio.run(main())
