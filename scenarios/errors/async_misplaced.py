# divergence: scenario lists every misplaced async construct at once; CPython stops at the first
import asyncio


def plain(lock, source):
    async with lock:
        pass
    return [await x for x in source]


async def agen(items):
    yield [(yield x) for x in items]
    yield from items


async def main():
    try:
        pass
    except* ValueError:
        break


async for item in agen([]):
    pass
