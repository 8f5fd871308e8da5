"""Tracebacks mark where on its line each frame was, as CPython 3.11 does: `^` under the
expression; `~` under operands and `^` under the operator of a binary operation; `~` under
the value and `^` under `[index]` of a subscript; nothing when the expression is the whole
line. A method that is not found marks `obj.name`, a method that fails marks the call; an
assert marks its test; a recursion shows three entries, then how many more there were.
The exception group below collects one traceback of each kind."""
import asyncio


def floor(a, b):
    x = (a) // b
    return x


async def spaced(items):
    value = items [ 5 ]
    return value


async def nested(d):
    y = 1 + d["missing"] * 2
    return y


async def missing_method():
    z = "abc".uppr()
    return z


async def failing_method():
    w = [1].index(2) + 1
    return w


async def asserts(n):
    assert n > 5, f"n={n}"


async def bare_assert(n):
    assert n > 5


async def multi_line():
    total = floor(
        1, 0)
    return total


async def accented():
    s = "é" + 1
    return s


async def parenthesized(n):
    v = (n + 1) * 2 // (n - n)
    return v


async def parenthesized_value(items):
    return (items)[7] + 1


def down(n):
    return down(n + 1) if n < 3 else 1 // 0


async def recursion():
    return down(0) + 1


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spaced([1, 2]))
        tg.create_task(nested({}))
        tg.create_task(missing_method())
        tg.create_task(failing_method())
        tg.create_task(asserts(1))
        tg.create_task(bare_assert(2))
        tg.create_task(multi_line())
        tg.create_task(accented())
        tg.create_task(recursion())
        tg.create_task(parenthesized(3))
        tg.create_task(parenthesized_value([]))


asyncio.run(main())
