"""Files next to the program shadow standard and installed modules, except built-in ones."""
import json
import time

import aiohttp

print(json.dumps([1, 2]))
print(time.perf_counter() >= 0, time.__name__)
print(aiohttp.NAME)
print(json.__file__.endswith('/shadowing/json.py'))
