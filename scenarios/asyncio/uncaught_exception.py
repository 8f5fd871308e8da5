"""An exception that escapes asyncio.run ends the program with exit code 1 and a traceback."""
import asyncio


async def fetch(n):
    await asyncio.sleep(n)
    if n == 2:
        raise ConnectionError(f"fetch {n} failed")
    return n


async def main():
    results = await asyncio.gather(fetch(1), fetch(2), fetch(3))
    print(results)


print("starting")
asyncio.run(main())
print("never printed")
