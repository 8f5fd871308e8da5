#!/usr/bin/env python3
"""Exercise: wait_n rewritten with task_wait_random; same ascending delays."""
import asyncio
import random
from typing import List


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds, and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Schedule wait_random(max_delay) as a task and return the task."""
    return asyncio.create_task(wait_random(max_delay))


async def task_wait_n(n: int, max_delay: int) -> List[float]:
    """Run task_wait_random n times; collect the delays as they complete."""
    delays = []
    tasks = [task_wait_random(max_delay) for _ in range(n)]
    for task in asyncio.as_completed(tasks):
        delays.append(await task)
    return delays


random.seed(4)
n = 5
max_delay = 6
print(asyncio.run(task_wait_n(n, max_delay)))
