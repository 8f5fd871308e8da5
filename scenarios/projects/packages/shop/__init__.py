"""A small shop: stock, prices and an order queue."""
from .stock import restock, level

__all__ = ['restock', 'level', 'OPEN']
OPEN = True
print('shop package initialised:', __name__, __package__)
