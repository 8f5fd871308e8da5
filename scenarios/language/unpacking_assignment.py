"""Pins starred and nested assignment targets, augmented assignment aliasing, swap order, and unpacking error messages."""
import asyncio


async def main():
    a, *b = [1, 2, 3]
    print(a, b)
    *a, b = "xyz"
    print(a, b)
    a, *b, c = range(5)
    print(a, b, c)
    (a, b), [c, *d] = (1, 2), (3, 4, 5)
    print(a, b, c, d)
    first, *rest = {"x": 1, "y": 2, "z": 3}
    print(first, rest)
    x = y = [0]
    x += [1]
    print(x, y, x is y)
    t = (1,)
    u = t
    t += (2,)
    print(t, u)
    i = 0
    lst = [0, 0, 0]
    i, lst[i] = 1, 5
    print(i, lst)
    p, q = 1, 2
    p, q = q, p + q
    print(p, q, [*range(3), *"ab"], {**{"a": 1}, "b": 2, **{"a": 3}})
    cases = {
        "too many": lambda: exec_unpack([1, 2, 3], 2),
        "not enough": lambda: exec_unpack((1,), 3),
    }

    def exec_unpack(values, n):
        if n == 2:
            a, b = values
        else:
            a, b, c = values

    def star_short():
        a, *b, c = [1]

    def not_iterable():
        a, b = 5

    def none_value():
        a, b = None

    def from_dict():
        a, b = {"k": 1, "j": 2, "m": 3}

    def in_loop():
        for a, b in [(1, 2), (3,)]:
            pass

    for fn in list(cases.values()) + [star_short, not_iterable, none_value, from_dict, in_loop]:
        try:
            fn()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
