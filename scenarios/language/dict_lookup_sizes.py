# A dict of at most eight entries is searched by scanning its entries; a larger one through
# its hash table. Both must find the same keys: these pin lookups, updates and misses on
# either side of that size, with keys whose hashes collide and keys that are equal without
# being the same object.

M = 2**61 - 1


def probe(d, keys):
    found = []
    for k in keys:
        found.append(d.get(k, "-"))
        d[k] = d.get(k, 0) + 1 if isinstance(d.get(k, 0), int) else "x"
    return found


for size in [0, 1, 7, 8, 9, 10, 16]:
    d = {}
    for i in range(size):
        d[i] = "v%d" % i
    keys = [0, size - 1, size, -1, -2, 1 + M, True, 1.0, "s"]
    print(size, probe(d, keys))
    print(size, d)

# Keys equal to an existing key keep the key first stored; only the value changes.
for first in [1, 1.0, True]:
    small = {first: "a"}
    big = {first: "a", **{i: i for i in range(2, 12)}}
    for d in [small, big]:
        d[1] = "int"
        d[True] = "bool"
        d[1.0] = "float"
        print(len(d), list(d.items())[:2])

# Str keys made at run time are equal to, but not the same object as, the literal ones.
words = "alpha beta gamma alpha".split()
d = {"alpha": 0, "beta": 0}
for w in words:
    d[w] = d.get(w, 0) + 1
    k = "".join([w[:2], w[2:]])
    print(d[k], d.get(k + "!", None))
print(d)

# A NaN key is found as the same object, though it equals nothing.
nan = float("nan")
d = {nan: "same", 1: "one"}
print(d.get(nan), nan in d, d[nan])

# Hashes that collide: -1 and -2 both hash to -2; k and k + M hash alike.
for n in [2, 9]:
    d = {i + 100: i for i in range(n - 2)}
    d[-1] = "minus one"
    d[-2] = "minus two"
    d[5] = "five"
    d[5 + M] = "five plus M"
    print(n, d[-1], d[-2], d[5], d[5 + M], d.get(5 + 2 * M, "absent"), len(d))
