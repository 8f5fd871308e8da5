"""Pins str.format fields (positional/keyword/index/attribute, nested specs, conversions, errors) and format specs applied to str."""
import asyncio


async def main():
    print("{} {} {}".format(1, "a", None), "{1} {0} {1}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
    print("{0[1]} {0[0]}".format([5, 6]), "{d[k]}".format(d={"k": 9}), "{0[0][1]}".format([[1, 2]]), "{0.real}".format(1.5))
    print("{:>5}|{:<5}|{:^5}|{:05.1f}".format(1, 2, 3, 4.25), "{0:{1}}".format(7, 4), "{:{}{}}".format(3, ">", 6))
    print("{!r} {!s}".format("s", "t"), "{0!r:>6}".format("q"), "{{}} {}".format(5), "{:%}".format(0.25), "{:,}".format(1234567.5))
    print("{0:.{1}f}".format(2.71828, 2), "{:=^30}".format(" Title "), "{0:b} {0:o} {0:x} {0:X} {0:#b} {0:c}".format(97))
    for row in [("apple", 1.5, 10), ("kiwi", 0.25, 200), ("banana", 12.0, 3)]:
        print("{:<8}|{:>8.2f}|{:^6d}|".format(*row))
    for template, args, kwargs in [("{} {}", (1,), {}), ("{a}", (), {"b": 1}), ("{0} {}", (1, 2), {}), ("}", (1,), {}),
                                   ("{0} {2}", (1.5,), {}), ("{:d}", (1.5,), {}), ("{!q}", (1,), {})]:
        try:
            print(template.format(*args, **kwargs))
        except (IndexError, KeyError, ValueError) as e:
            print(repr(template), type(e).__name__, e)
    specs = ["", "s", "10", "<10", ">10", "^10", "^9", "*^9", "-<8", ".2", "10.3", ">10.1s", "0>6", "x<1"]
    for v in ("abc", "", "héllo", "averyverylongstring"):
        print(repr(v), "|".join(format(v, s) for s in specs))
    for v in (True, None, [1, 2], (1,), {"a": 1}):
        print(f"[{v!s:>12}] [{v!r:^14}] [{str(v):.3}]")
    for value, spec in [("abc", "d"), ("x", "=5"), (None, ">5"), ("a", "+"), ([1], "x")]:
        try:
            print(format(value, spec))
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)

asyncio.run(main())
