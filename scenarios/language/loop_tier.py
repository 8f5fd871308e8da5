# A loop made only of simple instructions (locals, constants, arithmetic, comparisons,
# subscripts, dict.get and list.append) runs in the loop tier; any instruction whose fast
# path does not apply goes back to the main loop for that one step. These pin the loops
# that change course midway: ints that outgrow 64 bits, operands that stop being ints,
# exceptions, unbound locals, nested loops, break and continue, and a list that grows
# while it is iterated.


def grows(x):
    # 2**62 doubles past 2**63 on the second round: the multiply hands back.
    out = []
    for i in range(4):
        x = x * 2 + i
        out.append(x)
    return out


print(grows(2**62))
print(grows(-(2**62)))


def mixed(values):
    # Each round's operand is of another type: int, float, str, list, big int.
    total = []
    for v in values:
        w = v + v
        total.append(w * 2)
    return total


print(mixed([1, 2.5, "ab", [0], 2**70, True, -7]))


def divides(n):
    out = []
    for i in range(n):
        out.append(100 % (i - 2))
    return out


try:
    divides(5)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def unbound(n):
    out = []
    for i in range(n):
        if i == 2:
            out.append(late)
        out.append(i)
    late = 1
    return out


try:
    unbound(4)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def nested(n):
    pairs = {}
    for i in range(n):
        for j in range(i):
            if j == 3:
                break
            if (i + j) % 2 == 0:
                continue
            pairs[i] = pairs.get(i, 0) + j
    return pairs


print(nested(8))


def self_extending():
    xs = [1, 2]
    for x in xs:
        if x < 20:
            xs.append(x * 3)
    return xs


print(self_extending())


def counting(keys):
    counts = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    return counts


# Int keys, then str keys, then keys of other types, then a key that cannot be hashed.
print(counting([3, 1, 3, 3, 2, 1]))
print(counting(["a", "b", "a", "c", "a"]))
print(counting([1.5, (1, 2), 1.5, None, True, 1]))
try:
    counting([1, 2, [3]])
except TypeError as e:
    print("TypeError", e)


def subscripts(xs, d):
    out = []
    for i in range(-3, 4):
        out.append(xs[i] if i < len(xs) else d.get(i, "none"))
    return out


print(subscripts([10, 20, 30], {3: "three"}))


def floats(n):
    acc = 0.0
    for i in range(n):
        acc = acc * 0.5 + i / 3
        if acc > 2.0:
            acc -= 1.25
    return acc


print(floats(50))


def comparisons(values):
    out = []
    for v in values:
        if v == 2:
            out.append("two")
        elif v < 2:
            out.append("small")
        else:
            out.append("big")
    return out


print(comparisons([1, 2, 3, 2.0, 1.5, True, False]))
try:
    comparisons([1, "x"])
except TypeError as e:
    print("TypeError", e)


def overflowing_index(xs):
    out = []
    for i in range(len(xs) + 1):
        out.append(xs[i])
    return out


try:
    overflowing_index([5, 6])
except IndexError as e:
    print("IndexError", e)
