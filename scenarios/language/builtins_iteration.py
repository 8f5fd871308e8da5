"""Pins min/max (key, default), sorted (key, reverse, stability), zip strict, enumerate start, map/filter, sum start, any/all."""
import asyncio


async def main():
    recs = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 1), ("eve", 2)]
    print(sorted(recs, key=lambda r: r[1]))
    print(sorted(recs, key=lambda r: r[1], reverse=True))
    print(sorted(recs, key=lambda r: (-r[1], r[0])), sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
    print(max(recs, key=lambda r: r[1]), min(recs, key=lambda r: r[1]), max([], default=None), min((), default="d"), max("a", "bb", key=len))
    print(max([1, 3, 3.0], key=float), max(3.0, 3), min(3, 3.0), sorted([0.5, -1, 2, True, -0.0, 0]), sorted(["10", "9", "100"], key=int))
    print(sum([1, 2]), sum([[1], [2]], []), sum(range(5), 10), sum([], 0.0), sum([1, 2.5]), sum((True, True)))
    print(list(enumerate("ab", start=5)), list(zip([1, 2, 3], "ab")), list(zip()), dict(zip("ab", "cd")))
    for args in (([1, 2], [1]), ([1], [1, 2]), ([1], [1], [1, 2])):
        try:
            list(zip(*args, strict=True))
        except ValueError as e:
            print(e)
    print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda v: v % 2, range(6))))
    print(any([]), all([]), any([0, 0.0, ""]), all([1, "a"]), list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed("ab")))
    print(divmod(7, 2), pow(2, 10), chr(97), ord("a"), hex(255), oct(8), bin(5), abs(-3.5), isinstance(1.0, (int, float)))
    print(type(1).__name__, type(None).__name__, type(range(1)).__name__, type(print).__name__, callable(print), callable(1))
    it = iter([1, 2])
    print(next(it), next(it), next(it, "default"))
    print(1, 2, sep="")
    print("a", "b", sep=", ", end="!\n")
    print(*[1, 2], sep="-")
    print("x", end="")
    print("y", None, sep=None, end=None)
    for thunk in (lambda: sorted([1, None]), lambda: max([1, "a"]), lambda: max(1, 2, default=3), lambda: min([], key=len)):
        try:
            thunk()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
