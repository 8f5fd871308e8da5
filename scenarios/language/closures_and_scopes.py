"""Pins closures (late binding in loops), default arguments evaluated once, nonlocal/global, shadowing, UnboundLocalError."""
import asyncio


counter = 0


def bump_global():
    global counter
    counter += 1
    return counter


def make_counter():
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count

    return inc


def append_default(x, bucket=[]):
    bucket.append(x)
    return bucket


def late_vs_early():
    late = [lambda: i for i in range(3)]
    early = [lambda i=i: i for i in range(3)]
    return [f() for f in late], [f() for f in early]


def cell_sees_final_value():
    fns = []
    for i in range(3):
        def g():
            return i * 100
        fns.append(g)
    i = 7
    return [g() for g in fns]


def unbound():
    print(counter)
    counter = 3


def shadow_sum():
    try:
        total = sum([1, 2])
        sum = 5
        return total
    except UnboundLocalError as e:
        return str(e)


async def main():
    bump_global()
    bump_global()
    print(counter)
    inc = make_counter()
    inc()
    inc(5)
    print(inc(), make_counter()())
    print(append_default(1), append_default(2), append_default(3, []), append_default(4))
    print(late_vs_early(), cell_sees_final_value())
    try:
        unbound()
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    print(shadow_sum())
    x = [1, 2, 3]
    print([x for x in x], x)

    def outer():
        a = 1

        def mid():
            b = 2

            def inner():
                nonlocal a, b
                a += 10
                b += 20
                return a, b

            return inner(), b

        return mid(), a

    print(outer())
    make_mul = lambda n: lambda v: v * n
    print(make_mul(3)(4), list(map(make_mul(2), [1, 2])))


asyncio.run(main())
