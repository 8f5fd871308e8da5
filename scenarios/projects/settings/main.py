"""A program sets a module's attributes; the module's own functions see the new values."""
import asyncio

import settings

print(settings.describe())
settings.DEBUG = True
settings.RETRIES += 2
settings.TIMEOUT = 0.5
print(settings.describe(), settings.TIMEOUT, 'TIMEOUT' in dir(settings))


async def fetch(attempt):
    await asyncio.sleep(settings.TIMEOUT)
    return attempt


async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(settings.RETRIES)))
    print(results, asyncio.get_running_loop().time())

asyncio.run(main())
