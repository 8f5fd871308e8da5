"""Pins the "Did you mean" hint CPython adds under an uncaught NameError: locals first."""
import asyncio

retries = 3


async def fetch(attempt):
    result = attempt * 2
    results = [result]
    try:
        print(retry)
    except NameError as e:
        # The hint is part of the traceback only, never of the message.
        print("caught:", e)
    return reslt


async def main():
    print(await asyncio.gather(fetch(1)))


asyncio.run(main())
