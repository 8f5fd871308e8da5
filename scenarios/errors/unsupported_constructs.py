# divergence: valid Python outside the subset is an "unsupported" error (exit 2) in scenario
import asyncio
import os


class Worker:
    pass


async def main():
    with open("data.txt") as f:
        print(f.read())
    reader, writer = await asyncio.open_connection("example.com", 80)
    if (n := 10) > 5:
        print(n)


asyncio.run(main())
