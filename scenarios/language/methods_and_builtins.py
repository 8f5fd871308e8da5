"""Pins less common methods and builtins: search bounds, range slices and lookups, in-place set
updates, iter(callable, sentinel), int/float introspection and str predicates."""

s = "abcabc"
for args in [("", 5), ("", 6), ("", 7), ("", 2, 1), ("", -2), ("", -10), ("b", 1, 2), ("b", 1, 3), ("c", -1), ("", 6, 100), ("bc", -100, -3)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args), s.startswith(*args), s.endswith(*args))
    try:
        print(s.index(*args), s.rindex(*args))
    except ValueError as e:
        print(e)

r = range(10)
for s in [slice(2, 100, 3), slice(-100, 5), slice(None, None, -1), slice(5, 1, -2), slice(100, 200), slice(-1, -100, -3)]:
    print(r[s], list(r[s]), range(0, 10, 2)[s], range(20, 0, -3)[s], list(range(20, 0, -3)[s]))
print(range(0, 10, 2)[::-1], range(5)[3:1])
print(r.index(3), r.count(3), r.count(11), range(0, 10, 3).index(9), range(10, 0, -2).index(4), r.index(2.0), r.count(True))
try:
    r.index(11)
except ValueError as e:
    print(e)
try:
    range(0, 10, 2).index(3)
except ValueError as e:
    print(e)
print((1, 2, 1, 2).index(2, 2), (1, 2, 1).index(1, -1))
try:
    (1, 2).index(1, 1)
except ValueError as e:
    print(e)
print(list(iter([1, 2, 3, 0, 4].pop, 2)), type(None)(), Ellipsis, ... is Ellipsis)
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value, StopIteration().value)
print((255).bit_count(), (-5).bit_count(), (7).as_integer_ratio(), (True).numerator, (7).denominator, (2**70).numerator)
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e300).as_integer_ratio()[1], (0.1).as_integer_ratio(), (0.0).as_integer_ratio(), (5e-324).as_integer_ratio()[0])
print([(x).hex() for x in [0.75, 1.0, -0.1, 0.0, -0.0, 5e-324, 1e308, 2.2250738585072014e-308, float("inf"), float("nan")]])
print(["Ab Cd".istitle(), "ab".istitle(), "A1b".istitle(), "AB".istitle(), "A B".istitle(), "".istitle(), "Hello, World!".istitle()])
print(["a1".isidentifier(), "1a".isidentifier(), "_".isidentifier(), "".isidentifier(), "é".isidentifier()])
print(["abc".isascii(), "é".isascii(), "".isascii(), "abc".isprintable(), "a\n".isprintable(), "".isprintable(), "a\t".isprintable(), "é ".isprintable()])

s = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
s.intersection_update({2, 3, 4, 40}, [3, 4, 9])
print(s)
s = set(range(20))
s.difference_update(range(0, 20, 3), [5])
print(s)
s.add(100)
print(s)
s = {1, 2, 3}
s.symmetric_difference_update([3, 4, 4, 5, 33, 17])
print(s)
s.symmetric_difference_update(s)
print(s)
t = {"a", "b", "c"}
t.difference_update(t)
print(t)
u = {9, 1, 17}
u.intersection_update()
print(u)
print(u.intersection_update({1}), u)
a = {"x": 1, "y": 2}; b = {"y": 2, "x": 1}; c = {"x": 1, "y": 3}
print(a.keys() == b.keys(), a.items() == b.items(), a.items() == c.items(), a.keys() == c.keys())
print(a.values() == b.values(), a.values() == a.values(), a.keys() == {"x", "y"}, {"x", "y"} == a.keys(), a.keys() != {"x"})
print(a.keys() == ["x", "y"], a.items() == {("x", 1), ("y", 2)})
