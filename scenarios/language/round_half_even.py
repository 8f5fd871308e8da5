"""Pins round(): banker's rounding for ints and floats, ndigits positive/negative/None, result types."""
import asyncio


async def main():
    for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5):
        print(x, round(x), type(round(x)).__name__, round(x, 0))
    # Floats are rounded by their exact binary value: 2.675 is really 2.67499999...
    for x in (2.675, 1.005, 0.125, 0.375, 0.285, 1.0000000000000002, 12345.5):
        print(x, round(x, 2), round(x, 1), round(x, -1))
    for n in (5, 15, 25, 35, -15, -25, 1234, 1250, 1350, 2 ** 100):
        print(n, round(n, -1), round(n, -2), round(n, 1), type(round(n, 1)).__name__)
    print(round(1234.5678, -2), round(-1234.5678, -3), round(123.456, 5), round(1e-20, 25), round(1e300, -300))
    print(round(0.1, 100), round(12345, 100), round(5.0), round(12.34, None), round(-0.4), round(-0.0, 1))
    print("%.0f %.0f %.0f %.2f" % (0.5, 1.5, 2.5, 0.125), f"{2.5:.0f} {3.5:.0f} {0.375:.2f}")


asyncio.run(main())
