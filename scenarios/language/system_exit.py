"""raise SystemExit(code) ends the program with that exit code and no traceback."""
import asyncio


async def main():
    print("checking")
    await asyncio.sleep(1)
    return 4


raise SystemExit(asyncio.run(main()))
