#!/usr/bin/env python3
"""
Module 0: wait_random
"""
import asyncio
from random import uniform


async def wait_random(max_delay: int = 10) -> float:
    """
    Wait a random delay between 0 and max_delay (included), and return it.
    """
    delay: float = uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


if __name__ == "__main__":
    print(asyncio.run(wait_random(3)))
