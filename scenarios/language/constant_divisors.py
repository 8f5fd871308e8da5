# `%` and `//` by a positive int constant multiply by a prepared reciprocal instead of
# dividing (`bytecode::Code::divisors`). These pin it against CPython at the edges: a
# numerator of 0, just below, at and above the divisor and its multiples, near 2**32 and
# 2**63, negative (the general path), big, bool and float; divisors of 1, powers of two and
# up to 2**63 - 1. Each function has the local form (`a % 7`) and the stacked form
# (`(a + 0) % 7`), which compile to different fused instructions.

numerators = [0, 1, 2, 6, 7, 8, 999, 1000, 1001, 1_000_002, 1_000_003, 1_000_004,
              2**31 - 2, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**32 + 2,
              2**62 - 1, 2**62, 2**62 + 1, 2**63 - 2, 2**63 - 1, 12345678901234567,
              -1, -7, -1_000_003, -(2**63), 2**63, 2**64 + 7, True, False]


def by_1(a):
    return a % 1, a // 1, (a + 0) % 1, (a + 0) // 1


def by_2(a):
    return a % 2, a // 2, (a + 0) % 2, (a + 0) // 2


def by_3(a):
    return a % 3, a // 3, (a + 0) % 3, (a + 0) // 3


def by_7(a):
    return a % 7, a // 7, (a + 0) % 7, (a + 0) // 7


def by_10(a):
    return a % 10, a // 10, (a + 0) % 10, (a + 0) // 10


def by_1000(a):
    return a % 1000, a // 1000, (a + 0) % 1000, (a + 0) // 1000


def by_1000003(a):
    return a % 1_000_003, a // 1_000_003, (a + 0) % 1_000_003, (a + 0) // 1_000_003


def by_2147483647(a):
    return a % 2147483647, a // 2147483647, (a + 0) % 2147483647, (a + 0) // 2147483647


def by_4294967297(a):
    return a % 4294967297, a // 4294967297, (a + 0) % 4294967297, (a + 0) // 4294967297


def by_4294967296(a):
    return a % 4294967296, a // 4294967296, (a + 0) % 4294967296, (a + 0) // 4294967296


def by_4611686018427387904(a):
    return a % 4611686018427387904, a // 4611686018427387904, (a + 0) % 4611686018427387904, (a + 0) // 4611686018427387904


def by_9223372036854775807(a):
    return a % 9223372036854775807, a // 9223372036854775807, (a + 0) % 9223372036854775807, (a + 0) // 9223372036854775807


for f in [by_1, by_2, by_3, by_7, by_10, by_1000, by_1000003, by_2147483647, by_4294967297, by_4294967296, by_4611686018427387904, by_9223372036854775807]:
    print(f.__name__, [f(a) for a in numerators])

# Floats take the general path, with its own rounding.
print([(x % 7, x // 7, x % 1000, x // 1000) for x in [0.0, 6.5, 7.0, -0.5, 1e18, 2.5e-9]])

# A zero divisor is still an error, a negative one still floors.
for a in [7, -7, 0]:
    try:
        print(a % 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(a // 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(a % -3, a // -3, (a + 0) % -3, (a + 0) // -3)

# The loop that motivated it.
total = 0
for i in range(2000):
    total += i * i % 1_000_003
    if i % 1000 == 0:
        total += i // 7
print(total)
