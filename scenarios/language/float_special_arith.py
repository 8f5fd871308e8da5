"""Pins arithmetic with inf, nan and -0.0, float // and % sign rules, and float overflow errors."""
import asyncio


async def main():
    inf = float("inf")
    nan = float("nan")
    print(inf - inf, inf * 0, inf / inf, -inf, inf == inf, nan == nan, nan != nan)
    print(5 % inf, -5 % inf, 5 % -inf, 5 // inf, -5 // inf, 1 / inf, -1 / inf)
    print(divmod(5.0, inf), divmod(-5.0, inf), divmod(-0.0, 1))
    print(-0.0 == 0.0, -0.0 // 1, max(-0.0, 0.0), min(0.0, -0.0), sorted([0.0, -0.0]))
    print(max(nan, 1), max(1, nan), min(nan, 1))
    nan_list = [nan]
    print(nan in nan_list, nan_list == nan_list)
    for a in (7.5, -7.5, 7.0, -0.5):
        for b in (2, -2, 0.3):
            print(a, b, a // b, a % b, divmod(a, b))
    print(7 // 0.1, 7 % 0.1, 0.7 // 0.1, 1e16 // 3, 1e300 % 7, -1e300 % 7, -5 % 1e300)
    for label, thunk in [
        ("int(inf)", lambda: int(inf)),
        ("int(nan)", lambda: int(nan)),
        ("round(inf)", lambda: round(inf)),
        ("round(nan)", lambda: round(nan)),
        ("2.0 ** 1024", lambda: 2.0 ** 1024),
        ("10.0 ** 400", lambda: 10.0 ** 400),
        ("float(10 ** 309)", lambda: float(10 ** 309)),
        ("10 ** 309 / 1", lambda: 10 ** 309 / 1),
        ("10 ** 400 % 1.5", lambda: 10 ** 400 % 1.5),
        ("1.0 / 0", lambda: 1.0 / 0),
        ("1.0 // 0.0", lambda: 1.0 // 0.0),
        ("5 % 0.0", lambda: 5 % 0.0),
        ("0.0 ** -1", lambda: 0.0 ** -1),
    ]:
        try:
            print(label, "=", thunk())
        except (OverflowError, ValueError, ZeroDivisionError) as e:
            print(label, "->", type(e).__name__, e)
    print(10 ** 309 // 10 ** 300, 10 ** 400 > 1e308, 10 ** 400 < inf, 2 ** 53 + 1 == float(2 ** 53 + 1))


asyncio.run(main())
