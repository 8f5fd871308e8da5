#!/usr/bin/env python3
"""
Module 1: wait_n, the delays in the order they finish
"""
import asyncio
import importlib
import sys
from typing import Callable, List

sys.path.append('.')
basic = importlib.import_module('0-basic_async_syntax')
wait_random: Callable = basic.wait_random


async def wait_n(n: int, max_delay: int) -> List[float]:
    """
    Start wait_random n times; insert each delay where it belongs as it comes.
    """
    tasks = [asyncio.create_task(wait_random(max_delay)) for _ in range(n)]
    delays: List[float] = []
    for task in asyncio.as_completed(tasks):
        delay = await task
        index = len(delays)
        while index > 0 and delays[index - 1] > delay:
            index -= 1
        delays.insert(index, delay)
    return delays
