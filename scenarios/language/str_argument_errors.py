"""str methods and % formatting reject bad arguments with CPython's own messages, which
differ from method to method (`must be str, not int` for find and partition, `strip arg
must be None or str`, ...); big start and end indices are clamped, and % takes a list or
a range, like a dict, as the mapping of its fields."""

try:
    print(repr('abc'.count(1)))
except Exception as e:
    print("'abc'.count(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.index(1)))
except Exception as e:
    print("'abc'.index(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.find(1)))
except Exception as e:
    print("'abc'.find(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.rfind(1)))
except Exception as e:
    print("'abc'.rfind(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.rindex(1)))
except Exception as e:
    print("'abc'.rindex(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.split(1)))
except Exception as e:
    print("'abc'.split(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.rsplit(1)))
except Exception as e:
    print("'abc'.rsplit(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.strip(1)))
except Exception as e:
    print("'abc'.strip(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.lstrip(1)))
except Exception as e:
    print("'abc'.lstrip(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.rstrip([])))
except Exception as e:
    print("'abc'.rstrip([])", '->', type(e).__name__, e)
try:
    print(repr('abc'.replace(1, 'a')))
except Exception as e:
    print("'abc'.replace(1, 'a')", '->', type(e).__name__, e)
try:
    print(repr('abc'.replace('a', 1)))
except Exception as e:
    print("'abc'.replace('a', 1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.startswith(1)))
except Exception as e:
    print("'abc'.startswith(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.endswith(1)))
except Exception as e:
    print("'abc'.endswith(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.join([1])))
except Exception as e:
    print("'abc'.join([1])", '->', type(e).__name__, e)
try:
    print(repr('abc'.partition(1)))
except Exception as e:
    print("'abc'.partition(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.rpartition(None)))
except Exception as e:
    print("'abc'.rpartition(None)", '->', type(e).__name__, e)
try:
    print(repr('abc'.center(5, 1)))
except Exception as e:
    print("'abc'.center(5, 1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.ljust(5, 'ab')))
except Exception as e:
    print("'abc'.ljust(5, 'ab')", '->', type(e).__name__, e)
try:
    print(repr('abc'.zfill('a')))
except Exception as e:
    print("'abc'.zfill('a')", '->', type(e).__name__, e)
try:
    print(repr('abc'.removeprefix(1)))
except Exception as e:
    print("'abc'.removeprefix(1)", '->', type(e).__name__, e)
try:
    print(repr('abc'.removesuffix(1)))
except Exception as e:
    print("'abc'.removesuffix(1)", '->', type(e).__name__, e)
try:
    print(repr(1 in 'abc'))
except Exception as e:
    print("1 in 'abc'", '->', type(e).__name__, e)
try:
    print(repr('abc'.count('a', 'x')))
except Exception as e:
    print("'abc'.count('a', 'x')", '->', type(e).__name__, e)
try:
    print(repr('abc'.find('a', 1.0)))
except Exception as e:
    print("'abc'.find('a', 1.0)", '->', type(e).__name__, e)
try:
    print(repr('abc'.find('a', None, 2)))
except Exception as e:
    print("'abc'.find('a', None, 2)", '->', type(e).__name__, e)
try:
    print(repr('abc'.find('a', 10**30)))
except Exception as e:
    print("'abc'.find('a', 10**30)", '->', type(e).__name__, e)
try:
    print(repr('abc'.count('a', -10**30)))
except Exception as e:
    print("'abc'.count('a', -10**30)", '->', type(e).__name__, e)
try:
    print(repr('abc'.find('c', -10**30, 10**30)))
except Exception as e:
    print("'abc'.find('c', -10**30, 10**30)", '->', type(e).__name__, e)
try:
    print(repr('abc'.split(',', 'x')))
except Exception as e:
    print("'abc'.split(',', 'x')", '->', type(e).__name__, e)
try:
    print(repr('abc'.expandtabs('x')))
except Exception as e:
    print("'abc'.expandtabs('x')", '->', type(e).__name__, e)
try:
    print(repr('abc'.splitlines(1.5)))
except Exception as e:
    print("'abc'.splitlines(1.5)", '->', type(e).__name__, e)
try:
    print(repr('a\nb'.splitlines(True)))
except Exception as e:
    print("'a\\nb'.splitlines(True)", '->', type(e).__name__, e)
try:
    print(repr('a\nb'.splitlines(keepends=0)))
except Exception as e:
    print("'a\\nb'.splitlines(keepends=0)", '->', type(e).__name__, e)
try:
    print(repr('abc' % [1]))
except Exception as e:
    print("'abc' % [1]", '->', type(e).__name__, e)
try:
    print(repr('abc' % range(3)))
except Exception as e:
    print("'abc' % range(3)", '->', type(e).__name__, e)
try:
    print(repr('abc' % {'a': 1}))
except Exception as e:
    print("'abc' % {'a': 1}", '->', type(e).__name__, e)
try:
    print(repr('%s' % [1]))
except Exception as e:
    print("'%s' % [1]", '->', type(e).__name__, e)
try:
    print(repr('%s %s' % [1]))
except Exception as e:
    print("'%s %s' % [1]", '->', type(e).__name__, e)
try:
    print(repr('%(a)s' % [1]))
except Exception as e:
    print("'%(a)s' % [1]", '->', type(e).__name__, e)
try:
    print(repr('%(a)s' % range(2)))
except Exception as e:
    print("'%(a)s' % range(2)", '->', type(e).__name__, e)
try:
    print(repr('abc' % (1,)))
except Exception as e:
    print("'abc' % (1,)", '->', type(e).__name__, e)
try:
    print(repr('abc' % 5))
except Exception as e:
    print("'abc' % 5", '->', type(e).__name__, e)
try:
    print(repr('abc' % 'x'))
except Exception as e:
    print("'abc' % 'x'", '->', type(e).__name__, e)
try:
    print(repr('abc' % ''))
except Exception as e:
    print("'abc' % ''", '->', type(e).__name__, e)
try:
    print(repr('abc' % {1, 2}))
except Exception as e:
    print("'abc' % {1, 2}", '->', type(e).__name__, e)
try:
    print(repr('abc' % None))
except Exception as e:
    print("'abc' % None", '->', type(e).__name__, e)

# chr() reads its argument as a C int before checking the range.
for v in [2**31, 2**31 - 1, -2**31, -2**31 - 1, 2**40, 2**70, -1, 0x110000, 0x10FFFF, True]:
    try:
        print(repr(chr(v)))
    except Exception as e:
        print(v, type(e).__name__, e)

# format() names the value's own type; range.index searches for a non-int.
for v in [True, 3, 2.5, "s"]:
    for code in ["s", "d", "f", "x", "c", "5.3zz", ",_", "z"]:
        try:
            print(format(v, code), f"{v:{code}}")
        except Exception as e:
            print(type(e).__name__, e)
for r, x in [(range(5), "b"), (range(5), 9), (range(0), True), (range(5), 9.0), (range(5), 2.0), (range(5), None), (range(5), 2**70)]:
    try:
        print(r.index(x), r.count(x))
    except Exception as e:
        print(type(e).__name__, e)
