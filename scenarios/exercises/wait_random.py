#!/usr/bin/env python3
"""Exercise: an async coroutine that waits for a random delay and returns it."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds, and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


random.seed(0)  # so that CPython gives the same delays on every run
print(asyncio.run(wait_random()))
print(asyncio.run(wait_random(5)))
print(asyncio.run(wait_random(15)))
