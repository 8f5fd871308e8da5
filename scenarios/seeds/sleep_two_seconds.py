"""Seed 002: await pauses main for two seconds without blocking."""
import asyncio


async def main():
    await asyncio.sleep(2)  # Pause for 2 seconds without blocking
    print("2 seconds have passed!")


asyncio.run(main())
