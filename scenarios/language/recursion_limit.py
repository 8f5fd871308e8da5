"""Pins deep recursion: a RecursionError is catchable with CPython's message, and ordinary deep-ish recursion still works."""
import asyncio


depth = 0


def dive():
    global depth
    depth += 1
    dive()


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


async def main():
    try:
        dive()
    except RecursionError as e:
        print("RecursionError:", e, 900 < depth < 1100)
    print(ackermann(2, 3), is_even(200), is_odd(201))

    def count_down(n):
        return n if n == 0 else 1 + count_down(n - 1)

    print(count_down(500))
    nested = []
    for _ in range(50):
        nested = [nested]
    print(str(nested)[:12], len(str(nested)))
    loop = [1]
    loop.append(loop)
    print(loop)


asyncio.run(main())
