#!/usr/bin/env python3
"""The checker's documentation test: every module and function has a docstring."""
for name in ['0-basic_async_syntax', '1-concurrent_coroutines', '2-measure_runtime',
             '3-tasks', '4-tasks']:
    module = __import__(name)
    print(name, repr(module.__doc__))
    for attribute in dir(module):
        value = getattr(module, attribute)
        if callable(value) and getattr(value, '__module__', None) == name:
            print('   ', attribute, repr(value.__doc__), value.__annotations__)
