#!/usr/bin/env python3
"""
Module 2: measure_time
"""
import asyncio
from importlib import import_module
from time import time

wait_n = import_module('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """
    The total time of wait_n(n, max_delay), divided by n.
    """
    start = time()
    asyncio.run(wait_n(n, max_delay))
    return (time() - start) / n
