"""A package with subpackages, relative imports and `from package import *`."""
import asyncio
import sys

import shop
import shop.orders.queue as order_queue
from shop import orders, prices
from shop.stock import *

print(shop.__doc__)
print(sorted(name for name in dir(shop) if not name.startswith('__')))
print(orders.__name__, orders.__package__, order_queue.__name__, order_queue.__package__)
print(shop.orders is orders, shop.orders.queue is order_queue, sys.modules['shop.prices'] is prices)
print('restock' in dir(), 'level' in dir(), 'OPEN' in dir(), 'stock' in dir())
print(shop.__file__.endswith('/packages/shop/__init__.py'), shop.__path__[0].endswith('/shop'))


async def main():
    served = asyncio.create_task(order_queue.serve([('apple', 2), ('pear', 1), ('apple', 1)]))
    spent = await asyncio.gather(restock('apple', 2), restock('pear', 3), restock('apple', 1))
    print('restocked for', spent)
    print('bills', await served, 'left', level('apple'), level('pear'))

asyncio.run(main())
