"""An order queue served by workers."""
import asyncio

from ..prices import price_of
from .. import stock


async def serve(orders):
    """Serve each (item, count) order; what each one cost."""
    bills = []
    for item, count in orders:
        while stock.level(item) < count:
            await asyncio.sleep(0.25)
        stock._levels[item] -= count
        bills.append(price_of(item) * count)
    return bills
