"""Equal str constants are one object across a program, as CPython merges them when it
compiles (so `is` holds between them); a set is looked up in a set as the frozenset of
its items for in, remove and discard."""

a = ' pad '
def f():
    return ' pad '
print(a is ' pad ', f() is a, 'x' is 'x', ('a' + 'b') == 'ab')

s = {1, 2, frozenset({1, 2})}
print({1, 2} in s, {3} in s, {1, 2} in {1, 2}, {1, 2} not in s)
s.discard({1, 2})
print(s)
try:
    s.remove({9})
except KeyError as e:
    print("KeyError", e)
try:
    s.add({9})
except TypeError as e:
    print(e)
try:
    print({1} in {1: 2})
except TypeError as e:
    print(e)
