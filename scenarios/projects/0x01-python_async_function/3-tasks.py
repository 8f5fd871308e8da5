#!/usr/bin/env python3
"""Task 3: a task from a coroutine."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """A task running wait_random(max_delay)."""
    return asyncio.create_task(wait_random(max_delay))
