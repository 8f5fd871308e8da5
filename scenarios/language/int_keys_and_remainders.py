# Ints are the common dict key and `%` / `//` the common loop arithmetic; both have fast
# paths (an int's hash without a call, 32-bit division when both sides fit). These pin
# the edges: hashes that collide, the sign rules of Python's `%` and `//`, and operands
# on either side of 2**32 and of the hash modulus 2**61 - 1.

M = 2**61 - 1

# Keys with equal hashes stay distinct keys: -1 and -2 both hash to -2; k and k + M collide.
d = {}
for k in [-1, -2, 1, 1 + M, M, 0, 2**62, -(2**62), 2**63 - 1, -(2**63), 2**64, True, 1.0]:
    d[k] = d.get(k, 0) + 1
print(d)
print([hash(k) for k in [-1, -2, M - 1, M, M + 1, 2**62, -(2**62), 2**63 - 1, -(2**63)]])
print({1: "a", True: "b", 1.0: "c"})
print(d.get(2**61), d.get(2**61 + M), d.get(-2), d.get(-1.0), len(d))

# Counting by remainder: the loop w7 runs.
counts = {}
for i in range(-10, 30):
    k = i % 7
    counts[k] = counts.get(k, 0) + 1
print(sorted(counts.items()))

# `%` and `//` across signs and widths (divisor never zero here).
values = [0, 1, 6, 7, -1, -7, -8, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 5,
          2**40 + 3, 2**63 - 1, -(2**63), -(2**32)]
divisors = [1, 3, 7, -7, 1000, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 1_000_003, 2**62, -(2**33)]
for a in values:
    print(a, [a % b for b in divisors], [a // b for b in divisors])

# The same through the fused local/constant forms.
def fused(i):
    k = i % 1000
    q = i // 1000
    r = i % 4294967296
    s = i // 4294967297
    return k, q, r, s


print([fused(x) for x in [0, 999, 1000, 4294967295, 4294967296, 2**63 - 1, -1, -4294967296]])

# Dict views are still live views with their own types and comparisons.
view = d.keys()
d["new"] = 1
print(len(view), "new" in view, type(view).__name__, type(d.values()).__name__)
print(d.keys() == set(d), {1: 2}.items() == {(1, 2)}, list({1: 2, 3: 4}.items()))
print({1: 2}.keys() is {1: 2}.keys(), repr({1: 2}.values()))

# A view's type is its own class.
kt = type(d.keys())
print(kt, type(d.items()), isinstance(d.keys(), kt), type(d.values()) is type({}.values()))
try:
    kt()
except TypeError as e:
    print(e)
