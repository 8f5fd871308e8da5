"""Stock levels, refilled on the virtual clock."""
import asyncio

from . import prices

_levels = {}


async def restock(item, count):
    """Wait for the delivery, then add count items."""
    await asyncio.sleep(0.5 * count)
    _levels[item] = _levels.get(item, 0) + count
    return count * prices.price_of(item)


def level(item):
    """How many of item are in stock."""
    return _levels.get(item, 0)
