"""Pins float repr/str: shortest round-trip digits, exponent switch-over points, signed zero, inf and nan."""
import asyncio


async def main():
    # The classic rounding artefacts: repr shows the shortest string that round-trips.
    print(0.1 + 0.2, 0.1 * 3, 1.1 + 2.2, 1.0 - 0.9, 0.7 + 0.1)
    print(1 / 3, 2 / 3, 22 / 7, 100 / 7, 1 / 7)
    # Exponent notation starts at 1e16 and below 1e-4.
    print(1e15, 1e16, 123456789012345678.0, 9999999999999998.0)
    print(0.0001, 0.00001, 1e-05, 0.000123, 1.5e-10)
    print(1e22, 1e100, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308)
    # Integral floats keep the ".0".
    print(3.0, 100.0, -1.5, 2.0 ** 53, 2.0 ** 53 + 1, float(2 ** 63))
    # Signed zero and the special values.
    print(-0.0, 0.0 * -1, -0.0 + 0.0, abs(-0.0), float("inf"), float("-inf"), float("nan"))
    print(1e308 * 10, -1e308 * 10, 1e-320, 4e-320 / 2)
    # Containers use repr of their elements.
    print([0.1, 1e16, -0.0], (1e-05,), {0.5: 2.675})
    print(repr(2.675), str(1.005), repr(4.35 * 100))
    # Summation is plain left-to-right addition in 3.11.
    print(sum([0.1] * 10), 0.1 + 0.2 + 0.3, 0.3 + 0.2 + 0.1)
    for k in range(-6, 24, 3):
        print(k, 1.7 * 10.0 ** k, 2.0 ** (k * 5))


asyncio.run(main())
