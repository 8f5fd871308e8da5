#!/usr/bin/env python3
"""Exercise: a regular function that returns an asyncio.Task running wait_random."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds, and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Schedule wait_random(max_delay) as a task and return the task."""
    return asyncio.create_task(wait_random(max_delay))


async def test(max_delay: int) -> float:
    task = task_wait_random(max_delay)
    await task
    print(task.__class__)


random.seed(3)
asyncio.run(test(5))
