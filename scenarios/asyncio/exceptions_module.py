"""asyncio.exceptions: the module asyncio's exception classes live in, as programs name them."""
import asyncio
import asyncio.exceptions
import sys
from asyncio.exceptions import CancelledError

print(asyncio.exceptions.TimeoutError is asyncio.TimeoutError, CancelledError is asyncio.CancelledError)
print(asyncio.exceptions is sys.modules['asyncio.exceptions'], asyncio.exceptions.__name__)


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(2), 1)
    except asyncio.exceptions.TimeoutError:
        print('timed out')

asyncio.run(main())
