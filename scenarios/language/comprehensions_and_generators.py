"""Pins list/dict/set comprehensions and generator expressions: nesting, filters, scoping, laziness and exhaustion."""
import asyncio


async def main():
    print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2], [[j for j in range(i)] for i in range(4)])
    print({x: x * x for x in range(4)}, sorted({c for c in "mississippi"}), {k: v for k, v in zip("abc", range(3)) if v})
    print({w: len(w) for w in ["aa", "b", "aa"]}, [y for row in [[1, 2], [3]] for y in row], [[r[i] for r in [[1, 2], [3, 4]]] for i in range(2)])
    x = "outer"
    print([x for x in range(3)], x)
    g = (v * v for v in range(5))
    print(next(g), next(g), list(g), list(g), next(g, "exhausted"))
    n = 10
    h = (v + n for v in range(3))
    n = 100
    print(list(h))
    src = [1, 2]
    gen = (a for a in src)
    src = [9, 9]
    print(list(gen))
    print(sum(v for v in range(101)), max((len(w), w) for w in ["aa", "b", "ccc"]), any(v > 2 for v in range(4)), all(v < 1 for v in [0, 1]))
    lazy = (1 // v for v in [1, 0])
    print(next(lazy))
    try:
        next(lazy)
    except ZeroDivisionError as e:
        print("raised lazily:", e)
    print(next(lazy, "done"))
    it = iter([1, 2, 3, 4])
    for v in it:
        if v == 2:
            print("skip", next(it))
    e = enumerate("abc")
    print(next(e), list(e))
    m = map(str, range(3))
    print("-".join(m), list(m))


asyncio.run(main())
