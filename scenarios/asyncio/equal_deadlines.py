"""Timers due at the same instant fire in the order they were scheduled."""
import asyncio


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke at {asyncio.get_running_loop().time()}")


async def main():
    await asyncio.gather(sleeper("a", 1), sleeper("b", 1), sleeper("c", 0.5), sleeper("d", 1))


asyncio.run(main())
