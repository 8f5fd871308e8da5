"""Pins CPython 3.11 messages for errors raised by operators, builtins and containers (TypeError, KeyError, IndexError...)."""
import asyncio


async def main():
    cases = [
        lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (1,), lambda: "a" * "b", lambda: [] * 1.5, lambda: None + 1,
        lambda: -"a", lambda: ~1.5, lambda: {} + {}, lambda: [1, 2][5], lambda: (1,)[2], lambda: "ab"[9], lambda: {"a": 1}["b"],
        lambda: undefined_name, lambda: 5(), lambda: None(), lambda: iter(5), lambda: list(None), lambda: [x for x in 3.5],
        lambda: {[]: 1}, lambda: hash([]), lambda: "x".foo, lambda: None.x, lambda: int("abc"), lambda: int(""), lambda: float("x"),
        lambda: int(float("inf")), lambda: len(5), lambda: max([]), lambda: min(1), lambda: sum(["a", "b"]), lambda: sorted([1, "a"]),
        lambda: chr(-1), lambda: ord("ab"), lambda: range(1.5), lambda: range(0, 10, 0), lambda: [1].index(2), lambda: (1, 2).index(3),
        lambda: "a".join([1]), lambda: next(iter([])), lambda: tuple(5), lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: 10 ** 400 * 1.0,
        lambda: None[0], lambda: (1)[0], lambda: {}[1:2], lambda: [1][1.5], lambda: "a" in 5, lambda: 1 in "a", lambda: 1 << -1,
        lambda: [].pop(), lambda: {1}.remove(3), lambda: reversed(None), lambda: isinstance(1, "int"), lambda: next(5),
    ]
    for i, thunk in enumerate(cases):
        try:
            thunk()
            print(i, "no error")
        except Exception as e:
            print(i, type(e).__name__, "|", e)
    s = "abc"
    t = (1,)
    try:
        s[0] = "x"
    except TypeError as e:
        print(e)
    try:
        del s[0]
    except TypeError as e:
        print(e)
    try:
        t[0] += 1
    except TypeError as e:
        print(e)


asyncio.run(main())
