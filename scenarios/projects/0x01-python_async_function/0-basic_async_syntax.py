#!/usr/bin/env python3
"""Task 0: an asynchronous coroutine that waits a random delay."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait between 0 and max_delay seconds (a float) and return the delay."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay
