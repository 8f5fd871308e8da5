# The interpreter fuses common instruction sequences (a local and a constant into an
# operator, a comparison into its jump, ...). These pin the cases where the fused fast
# path does not apply and the plain instructions must run: strings, floats, big ints,
# overflow, mixed types, unbound locals, and comparisons that are not plain numbers.


def arith(x, y):
    return [x + 1, x * y, x % 7, x - y, x + y]


print(arith(5, 3))
print(arith(2.5, 4))
print(arith(2**62, 2**62))           # overflows an i64: the slow path makes a big int
print(arith(-9223372036854775808, -1))
print(arith(True, False))
print(["ab" * 2, "x" + "y"])


def text(s, t):
    u = s + "!"
    return u + t, s * 3, s % ()


print(text("a%%", "b"))


def compare(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a == 3:
        out.append("three")
    if a != b:
        out.append("ne")
    return out


print(compare(1, 2), compare(3, 3), compare("a", "b"), compare(2.5, 2), compare([1], [1, 0]))

try:
    compare(1, "x")
except TypeError as e:
    print("TypeError:", e)


def unbound(flag):
    if flag:
        z = 1
    return z + 1


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def unbound_pair(flag):
    a = 2
    if flag:
        b = 3
    return a * b


print(unbound_pair(True))
try:
    unbound_pair(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def loop(n):
    total = 0
    for i in range(n):
        k = i % 3
        total += k * i
        if k == 2:
            total -= 1
    return total


print(loop(10), loop(0))


def division(x):
    return x % 0


try:
    division(5)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def loops():
    out = []
    for x in [1, 2, 3]:          # a list: the fast path
        out.append(x)
    for x in (4, 5):             # a tuple, a string, a dict, a generator: the general path
        out.append(x)
    for c in "ab":
        out.append(c)
    for k in {"k": 1}:
        out.append(k)
    for g in (n * n for n in range(3)):
        out.append(g)
    for i in range(10, 0, -4):   # a negative step
        out.append(i)
    items = [1, 2]
    for x in items:              # the list grows while it is walked
        if x < 4:
            items.append(x + 2)
    out.append(items)
    return out


print(loops())
