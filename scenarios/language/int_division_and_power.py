"""Pins // and % sign rules, divmod, ZeroDivisionError messages, and ** / pow() with negative, float and modular exponents."""
import asyncio


async def main():
    for a in (7, -7, 0):
        for b in (2, -2, 3, -3):
            print(f"{a:>3} {b:>3} -> {a // b:>3} {a % b:>3} {divmod(a, b)}")
    big = 10 ** 30 + 7
    for a in (big, -big):
        for b in (7, -7, 10 ** 15 + 3):
            print(a // b, a % b)
    print(-(2 ** 63) // -1, -(2 ** 63) % -1, divmod(-(2 ** 63), -1), 2 ** 63 // 3, -(2 ** 63) // 7)
    print(-1 >> 100, -5 >> 1, 5 >> 10, -5 // 2, ~0, ~-1, 7 & -8, -7 | 3, -7 ^ 3)
    for label, thunk in [
        ("1 / 0", lambda: 1 / 0),
        ("1 // 0", lambda: 1 // 0),
        ("1 % 0", lambda: 1 % 0),
        ("divmod(1, 0)", lambda: divmod(1, 0)),
        ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
        ("0 ** -1", lambda: 0 ** -1),
        ("2 ** 100 / 0", lambda: 2 ** 100 / 0),
    ]:
        try:
            thunk()
        except ZeroDivisionError as e:
            print(label, "->", e)
    print(2 ** -1, 2 ** -2, (-2) ** -1, (-8) ** 2, 4 ** 0.5, 8 ** (1 / 3), 0 ** 0, 0.0 ** 0, 10 ** -3)
    print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** -10000, (2 ** 100) ** 0.5, (-27) ** 3)
    print(pow(2, 10), pow(2.5, 2), pow(2, -1), pow(2, 0.5), 1 ** 1000, (-1) ** 1001, (-2.0) ** 3)
    print(pow(2, 10, 1000), pow(2, 10 ** 20, 97), pow(0, 0, 1), pow(5, 0, 1), pow(7, 2, -5), pow(-1, -1, 5))
    for thunk in (lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, -1, 4)):
        try:
            print(thunk())
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

asyncio.run(main())
