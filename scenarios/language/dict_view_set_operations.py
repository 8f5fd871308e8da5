"""dict_keys and dict_items are sets for & | - ^, on either side of any iterable; the
result is a set built as CPython builds it, so it iterates in the same order. dict_values
is not a set, and a non-iterable operand is a TypeError."""

d = {3: "c", 1: "a", 2: "b", "x": 0}
e = {2: 0, 4: 0, 3: 0}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.keys() & {1, 2, 99, 100, 101}, {1, 2} & d.keys(), [2, "x", 7] - d.keys(), d.items() & {(1, "a"), (2, "z")})
print(d.items() - {(1, "a")}, d.items() | [(9, 9)], {"x", 3, 8} ^ d.keys())
k = d.keys()
k2 = k
k2 |= {5}
print(k2, type(k2).__name__, k)
try:
    print(d.keys() & [[1]])
except TypeError as err:
    print(err)
try:
    print(d.items() | [[1]])
except TypeError as err:
    print(err)

k = {1: 2, 3: 4}.keys()
for a, b in [(k, True), (True, k), (k, 1), (1, k), (k, "ab"), ("ab", k), (k, [1]), ([1], k), (k, None), ({1}, k), (k, {5}), ({}.items(), [(1, 2)]), ([(1, 2)], {1: 2}.items()), ({1: 2}.values(), [1])]:
    for op in ["^", "|", "&", "-"]:
        try:
            if op == "^": r = a ^ b
            if op == "|": r = a | b
            if op == "&": r = a & b
            if op == "-": r = a - b
            print(op, sorted(r, key=repr) if isinstance(r, set) else r)
        except Exception as e:
            print(op, type(e).__name__, e)
