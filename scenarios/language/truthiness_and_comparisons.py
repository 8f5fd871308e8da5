"""Pins truthiness, and/or results, bool/int/float interplay, chained comparisons (single evaluation), is/in, ordering errors."""
import asyncio


calls = []


def probe(name, value):
    calls.append(name)
    return value


async def main():
    for v in (0, 1, -1, 0.0, -0.0, 0.1, float("nan"), "", " ", "0", [], [0], (), (0,), {}, {0: 0}, set(), {0},
              None, True, False, range(0), range(1), frozenset(), 2 ** 100):
        print(f"{v!r:>12} {bool(v)!s:>5} {not v!s:>5}")
    print(0 or None, 0 and 1, [] or {}, 3 and 4, "" or "default", None and 1, 1 or 1 / 0)
    print(True + True, True * 10, True / 2, -True, ~True, True << 3, False ** 0, True - 2.5, True // 1, True % 1)
    print(type(True + True).__name__, type(True & True).__name__, True & False, True | False, True ^ True)
    print(int(True), float(False), str(True), True == 1, False == 0, isinstance(True, int), isinstance(1, bool))
    print(sum([True, True, False]), max(True, 0), [1, 2, 3][True], "ab"[False], max(1, True), max(True, 1))
    print(1 + 1.0, type(1 + 1.0).__name__, 3 / 1, type(3 // 1.0).__name__, 10 // 2.5, 1 == 1.0, 0.1 + 0.2 == 0.3)
    print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0) == hash(False), hash(1.5), hash(-1), hash(-2))
    x = 5
    print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4 > 2, x == 5 == 5.0, 1 < 2 == 2, (1 < 2) == 2)
    print(probe("a", 1) < probe("b", 2) < probe("c", 0) < probe("d", 5), calls)
    a = [1, 2]
    b = [1, 2]
    print(a == b, a is b, a is not b, None is None, 1 in a, 3 not in a, "ell" in "hello", "" in "x")
    print((1, 2) < (1, 2, 0), [1, 2] < [1, 3], "a" < "B", "abc" < "abd", (1, "a") < (1, "b"), [] < [0], "é" > "z")
    print({1: 2} == {1: 2}, {1, 2} == {2, 1}, [1, 2] == [1, 2.0], (1, 2) == [1, 2], 1 != "1", None == 0)
    for thunk in (lambda: 1 < "a", lambda: [1] < (1,), lambda: None < None, lambda: {} > {}, lambda: {1} < [1], lambda: () >= []):
        try:
            thunk()
        except TypeError as e:
            print(e)

asyncio.run(main())
