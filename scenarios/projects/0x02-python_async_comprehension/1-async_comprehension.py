#!/usr/bin/env python3
"""Task 1: an asynchronous comprehension."""
from typing import List

async_generator = __import__('0-async_generator').async_generator


async def async_comprehension() -> List[float]:
    """The 10 random numbers of async_generator, collected."""
    return [number async for number in async_generator()]
