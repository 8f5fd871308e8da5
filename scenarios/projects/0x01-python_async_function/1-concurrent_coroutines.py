#!/usr/bin/env python3
"""Task 1: run wait_random n times at once."""
import asyncio
from typing import List

wait_random = __import__('0-basic_async_syntax').wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Spawn wait_random n times; the delays in ascending order, without sort()."""
    delays = []
    for finished in asyncio.as_completed([wait_random(max_delay) for _ in range(n)]):
        delays.append(await finished)
    return delays
