#!/usr/bin/env python3
"""Drive the modules, importlib style, with a seed of our own."""
import importlib
import random
import sys

random.seed(2024)
measure_time = importlib.import_module('2-measure_runtime').measure_time
basic = sys.modules['0-basic_async_syntax']

print(round(measure_time(5, 9), 6))
print(basic.__name__, basic.wait_random.__name__, basic.wait_random.__module__)
print(sorted(name for name in sys.modules if name[0].isdigit()))
