"""Pins CPython's three wordings of argument-count errors, and other call-site messages."""
import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


def one(a):
    return a


async def main():
    attempt("no-argument method", lambda: "x".upper(1))
    attempt("one-argument method", lambda: [].append())
    attempt("one-argument builtin", lambda: len())
    attempt("counted method", lambda: [].insert(1))
    attempt("counted builtin", lambda: divmod(1))
    attempt("isinstance", lambda: isinstance(1))
    attempt("sorted without iterable", lambda: sorted())
    attempt("zip keyword", lambda: zip([1], x=1))
    attempt("zip non-iterable", lambda: zip([1], 2))
    attempt("split by int", lambda: "a b".split(1))
    attempt("keyword repeats positional", lambda: one(1, 2, 3, a=1))
    attempt("too many positional", lambda: one(1, 2))
    attempt("fromkeys without keys", lambda: dict.fromkeys())
    attempt("fromkeys with three", lambda: {}.fromkeys(1, 2, 3))
    attempt("fromkeys keyword", lambda: dict.fromkeys([1], value=2))
    for target in [{1}, range(3), "a", (1,), 1, None]:
        def delete():
            del target[0]
        attempt("del " + type(target).__name__, delete)
    # Folded constants: this display is built from a frozenset, as in CPython.
    print({2 ** 40, 2 ** 64, -5, 17, 8, 1000}, {"ab" * 3, "a" + "b", "x", "y", "z"})


asyncio.run(main())
