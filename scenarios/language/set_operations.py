"""Pins set/frozenset operators and methods, result types, hash-based equality of 1/1.0/True, and printed set order."""
import asyncio


async def main():
    a = {1, 2, 3, 4}
    b = {3, 4, 5}
    print(a | b, a & b, a - b, b - a, a ^ b, a.union(b, [9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
    print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}), {1} <= a, a >= a, a > a, {1, 2} < a)
    s = {5, 3, 1, 10, 100, 33, 64, -1, -7}
    print(s)
    s.add(7)
    s.discard(3)
    s.discard(999)
    s.remove(5)
    print(s, sorted(s), len(s))
    words = set()
    for w in ["apple", "banana", "cherry", "date"]:
        words.add(w)
    print(words, sorted(words))
    fs = frozenset([3, 1, 2])
    print(fs, fs | {9}, {9} | fs, type(fs | {9}).__name__, type({9} | fs).__name__, {fs: "key"}[frozenset([1, 2, 3])])
    print({1, 1.0, True}, {0.0, 0, False}, len({1, 1.0, True}), 1.0 in {1}, {(1, 2): 1}.get((1.0, 2.0)))
    d = {1, 2, 3}
    d &= {2, 3, 4}
    d |= {7}
    d -= {2}
    d ^= {3, 8}
    print(sorted(d), set(), frozenset(), bool(set()), bool({0}))
    for thunk in (lambda: {1}.remove(9), lambda: set().pop(), lambda: {[1]}, lambda: {{}: 1}, lambda: hash({1}), lambda: a | [1], lambda: a < [1]):
        try:
            thunk()
        except (KeyError, TypeError) as e:
            print(type(e).__name__, repr(e))


asyncio.run(main())
