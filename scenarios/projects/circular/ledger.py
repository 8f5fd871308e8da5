"""The ledger, imported by accounts while accounts is still running."""
print('ledger: start')
import accounts

print('ledger sees', accounts.__name__, 'BALANCES' in dir(accounts))
try:
    from accounts import BALANCES
except ImportError as error:
    print('ImportError:', error)
try:
    accounts.BALANCES
except AttributeError as error:
    print('AttributeError:', error)

_pending = {'ada': 5}


def pending(name):
    return _pending.get(name, 0)


print('ledger: done')
