"""Two modules that import each other: the second finds the first partially initialised."""
import sys

import accounts
import ledger

print(accounts.balance('ada'), ledger.accounts is accounts)
print([name for name in sys.modules if name in ('accounts', 'ledger', '__main__')])
import accounts  # cached: the body does not run again
print(accounts.ledger.pending('bob'))
