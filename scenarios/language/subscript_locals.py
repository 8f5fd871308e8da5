# `d[k]` and `d[k] = v` with both names local are fused into one instruction that reads
# the slots directly. These pin the cases it must hand back to the plain instructions:
# other key types, missing keys, indexes out of range, unbound names, and errors with
# their tracebacks.


def reads(d, k, xs, i):
    return d[k], xs[i]


def writes(d, k, xs, i, v):
    d[k] = v
    xs[i] = v
    return d, xs


print(reads({1: "a", "s": "b"}, 1, [10, 20, 30], -1))
print(reads({1: "a", "s": "b"}, "s", (10, 20, 30), 0))
print(reads({(1, 2): "t", 1.5: "f", True: "b"}, (1, 2), "xyz", 2))
print(reads({(1, 2): "t", 1.5: "f", True: "b"}, 1.5, [1], 0))
print(reads({(1, 2): "t", 1.5: "f", True: "b"}, True, [1], -1))
print(reads({1: "one"}, True, {0: "zero"}, False))
print(writes({}, 1, [0, 0], 1, "v"))
print(writes({1: "old"}, 1, [0, 0], -2, "new"))
print(writes({}, (1, 2), [0], 0, None))

d = {}
xs = [1, 2, 3]


def self_reference():
    d = {}
    k = "me"
    d[k] = d
    xs = [0]
    i = 0
    xs[i] = xs
    return d, xs


print(self_reference())


def counting(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


print(counting("the cat and the hat and the bat".split()))


def missing(d, k):
    try:
        return d[k]
    except KeyError as e:
        return f"KeyError {e}"


print(missing({1: 2}, 3), missing({}, "x"), missing({1: 2}, [1]) if False else "")


def out_of_range(xs, i, v):
    try:
        xs[i] = v
    except IndexError as e:
        return f"IndexError: {e}"
    return xs


print(out_of_range([1], 5, 0), out_of_range([1], -2, 0), out_of_range([], 0, 0))


def unhashable(d, k):
    try:
        d[k] = 1
    except TypeError as e:
        return f"TypeError: {e}"


print(unhashable({}, [1]), unhashable({}, {}))


def unbound_container(k):
    if k:
        d = {}
    d[k] = 1


def unbound_key(d):
    if not d:
        k = 1
    return d[k]


for f, arg in [(unbound_container, 0), (unbound_key, {1: 2})]:
    try:
        f(arg)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
