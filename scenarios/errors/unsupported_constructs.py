# divergence: valid Python outside the subset is an "unsupported" error (exit 2) in scenario
import asyncio
import os


class Worker:
    pass


async def main():
    with open("data.txt") as f:
        print(f.read())
    barrier = asyncio.Barrier(2)
    if (n := 10) > 5:
        print(n)


asyncio.run(main())
