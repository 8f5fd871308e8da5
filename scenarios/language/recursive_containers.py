"""Pins containers that contain themselves, and nesting deeper than the recursion limit."""
import asyncio


async def main():
    a = [1, 2]
    a.append(a)
    print(a, len(a), a[2] is a)
    d = {"name": "root"}
    d["self"] = d
    print(d)
    t = ([],)
    t[0].append(t)
    print(t, repr(t), f"{t!r} {t}")
    mixed = {"list": a, "dict": d}
    print(mixed)
    print(a == a, a is a, a in [a], d == d)
    b = [1, 2]
    b.append(b)
    try:
        print(a == b)
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        print(a < b)
    except RecursionError as e:
        print("RecursionError:", e)
    deep = []
    twin = []
    for _ in range(3000):
        deep = [deep]
        twin = [twin]
    try:
        print(deep)
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        text = str(deep)
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        print(deep == twin)
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        print(deep in [twin])
    except RecursionError as e:
        print("RecursionError:", e)
    shallow = [[[[1]]]]
    print(shallow == [[[[1]]]], shallow < [[[[2]]]])


asyncio.run(main())
