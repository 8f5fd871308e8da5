"""Pins dict insertion order across deletes/updates, the dict methods, views printing and membership, equal-key merging."""
import asyncio


async def main():
    d = {"a": 1, "b": 2, "c": 3}
    del d["a"]
    d["a"] = 4
    d["b"] = 5
    print(d, list(d), list(d.values()), list(d.items()))
    d.update({"z": 0, "b": 7})
    d.update(y=1)
    d.update([("x", 2)])
    print(d)
    print(d.pop("c"), d.pop("nope", "dflt"), d.setdefault("c", 11), d.setdefault("c", 12), d)
    print(d.popitem(), d)
    print(d.keys(), d.values(), d.items())
    print("a" in d.keys(), 5 in d.values(), ("a", 4) in d.items(), len(d.items()), list(reversed(d)))
    print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict(zip("ab", range(2))), dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
    e = {}
    e[1] = "int"
    e[1.0] = "float"
    e[True] = "bool"
    print(e, {1: "a", True: "b", 1.0: "c"}, {0: "z", False: "f", 0.0: "g"})
    print(d.get("x"), d.get("missing"), d.get("missing", 5), d | {"n": 1}, {**d, "a": 0})
    counts = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    shared = dict.fromkeys(range(3), [])
    shared[0].append(1)
    print(shared)
    for thunk in (lambda: {}.popitem(), lambda: {"a": 1}["b"], lambda: {}[(1, "x")], lambda: d.pop("q")):
        try:
            thunk()
        except KeyError as ex:
            print("KeyError", repr(ex), str(ex))
    try:
        for k in d:
            d[k + k] = 0
    except RuntimeError as ex:
        print(ex)


asyncio.run(main())
