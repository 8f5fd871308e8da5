"""Pins CPython's messages for bad operands, ** merging in calls, and malformed templates."""
import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def f(x=0, y=0):
    return x + y


async def g(**kwargs):
    return kwargs


def slice_assign():
    a = [1, 2, 3]
    a[0:1] = 5


async def main():
    index = 1.5
    attempt("pow", lambda: "a" ** 2)
    attempt("pow with modulus", lambda: pow("a", 2, 3))
    attempt("float pow with modulus", lambda: pow(2.0, 2, 3))
    attempt("str index", lambda: "abc"[index])
    attempt("list index", lambda: [1][index])
    attempt("join a number", lambda: ",".join(5))
    attempt("join numbers", lambda: ",".join([1, 2]))
    attempt("assign a number to a slice", slice_assign)
    attempt("huge repeat", lambda: "x" * 2**70)
    attempt("huge negative repeat", lambda: "x" * -(2**70))
    attempt("** not a mapping", lambda: f(**5))
    attempt("* not iterable", lambda: f(*5))
    attempt("** non-string key", lambda: f(**{1: 2}))
    attempt("** repeats a keyword", lambda: f(x=1, **{"x": 2}))
    attempt("** repeats **", lambda: f(**{"y": 1}, **{"y": 2}))
    attempt("keyword after ** repeats", lambda: print(**{"sep": 1}, sep=2))
    attempt("coroutine function", lambda: g(**{"x": 1}, **{"x": 2}))
    attempt("method", lambda: "a b".split(**{"sep": " "}, **{"sep": " "}))
    attempt("positional x and **", lambda: f(1, **{"x": 2}))
    attempt("** fine", lambda: f(**{"x": 1}, y=2))
    attempt("sorted positional key", lambda: sorted([3, 1], None))
    attempt("% keyed then positional", lambda: "%(a)s %s" % {"a": 1})
    attempt("% positional then keyed", lambda: "%s %(a)s" % {"a": 1})
    attempt("% keyed without mapping", lambda: "%(a)s" % (1,))
    for template in ["{", "x{", "}", "{0", "{0:{", "{:{}", "{0!r", "{0!", "{0!x}", "{5!x}",
                     "{0!rr}", "{0:{1:{2}}}", "{[}", "{0[}", "{0]}", "{0[1]x}", "{} {0}",
                     "{0} {}", "{a}", "{!s:>5}", "{0:>{1}}", "{{}} }}{{", "{0.}", "{0[]}",
                     "{0..real}", "{0[0].real}", "{0[0]x}"]:
        attempt(template, lambda: template.format("ab", 3, 4))


asyncio.run(main())
