"""Prices, by item."""
PRICES = {'apple': 3, 'pear': 5}


def price_of(item):
    """The price of one item."""
    return PRICES[item]
