"""Pins TypeError messages for calling user functions with wrong positional/keyword arguments (3.11 wording)."""
import asyncio


def f(a, b, c=3, *, d, e=5):
    return a


def g(*args, x):
    return x


def h(**kw):
    return kw


def one(a):
    return a


def noargs():
    return 0


async def main():
    def local(a, b):
        return a

    lam = lambda a, *, k: a
    cases = [
        lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, d=1, zz=2), lambda: f(1, 2, 3, 4, d=1),
        lambda: f(1, a=1, b=2, d=4), lambda: f(1, 2, 3, 4, 5), lambda: g(1, 2), lambda: g(), lambda: h(1),
        lambda: one(), lambda: one(1, 2), lambda: one(b=1), lambda: one(1, a=2), lambda: noargs(1), lambda: noargs(x=1),
        lambda: local(1), lambda: local(1, 2, 3), lambda: lam(1), lambda: lam(1, 2), lambda: lam(1, k=1, j=2),
        lambda: one(**{"a": 1, "b": 2}), lambda: one(*[1, 2, 3]), lambda: one(1, **{"a": 2}), lambda: h(**{1: 2}),
        lambda: f(d=1), lambda: local(b=2),
    ]
    for i, thunk in enumerate(cases):
        try:
            thunk()
            print(i, "ok")
        except TypeError as e:
            print(i, e)
    print(f(1, 2, d=4), f(*[1, 2, 3], **{"d": 9, "e": 0}), g(1, 2, x=3), h(a=1, **{"b": 2}))


asyncio.run(main())
