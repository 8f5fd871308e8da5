#!/usr/bin/env python3
"""Exercise: measure the average time per coroutine of wait_n(n, max_delay)."""
import asyncio
import random
import time
from typing import List


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds, and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Run wait_random n times concurrently; collect the delays as they complete."""
    delays = []
    for coro in asyncio.as_completed([wait_random(max_delay) for _ in range(n)]):
        delays.append(await coro)
    return delays


def measure_time(n: int, max_delay: int) -> float:
    """The total elapsed time of wait_n(n, max_delay), divided by n."""
    start = time.perf_counter()
    asyncio.run(wait_n(n, max_delay))
    total_time = time.perf_counter() - start
    return total_time / n


random.seed(2)
n = 5
max_delay = 9
print(measure_time(n, max_delay))
