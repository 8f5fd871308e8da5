# divergence: syntax errors exit 2 in scenario (CPython exits 1); the message is CPython's
"""A module with a syntax error."""
import asyncio


async def work()
    await asyncio.sleep(1)
