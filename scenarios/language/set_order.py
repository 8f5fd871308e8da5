"""Sets iterate in CPython's order: hash-table order, which depends on how a set was built."""
import asyncio


async def main():
    print({3, 1, 2}, {17, 1, 33, 5, 9}, set([17, 1, 33, 5, 9]), {-1, -2, -3})
    words = "the quick brown fox jumps over the lazy dog".split()
    print(set(words))
    print({w[0] for w in words}, frozenset(["b", "a"]))
    s = {1, 2, 3, 4, 5, 6, 7, 8}
    s.discard(3)
    s.add(100)
    print(s, s.pop(), s)
    print({1, 2, 3} | {10, 20}, {5, 1, 9} & {9, 5, 7}, {1, 2, 3, 4, 5, 6, 7, 8, 9} - {2}, {1, 2, 3} ^ {3, 4, 5})
    a = set(range(20))
    a -= {3, 5}
    a |= {100, 1000}
    a &= set(range(0, 2000, 2))
    print(a)
    print({(1, 2), (0, 1), (2, 0)}, {1.5, 2.5, 0.5}, set("mississippi"))
    print(hash("abc"), hash((1, "a")), hash(2**100), hash(-1), hash(1.5))


asyncio.run(main())
