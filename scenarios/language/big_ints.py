"""Pins arbitrary-precision ints: powers, factorials, negative big ints, bit operations, conversions."""
import asyncio


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


async def main():
    print(2 ** 100, -2 ** 100, (-2) ** 101, 2 ** 64 - 1, -(2 ** 63))
    print(factorial(30), factorial(52))
    print(str(3 ** 200)[:20], len(str(3 ** 200)), sum(int(d) for d in str(2 ** 1000)))
    print(int("1" * 50), int("-" + "9" * 40), int("  123_456  "), int("zz", 36), int("0b101", 0), int("0o17", 0), int("0x_1f", 0))
    print(2 ** 100 & 2 ** 99 - 1, 2 ** 100 | 1, 2 ** 100 ^ 2 ** 99, ~(2 ** 100), -(2 ** 100) >> 3, 1 << 100)
    print(-(2 ** 100) & 0xFFFF, -1 & 2 ** 70, -(2 ** 65) | 3, -(2 ** 65) ^ -1)
    print((2 ** 100).bit_length(), (255).bit_length(), (-1).bit_length(), (0).bit_length())
    print(hex(2 ** 80), oct(-(2 ** 40)), bin(2 ** 33 + 1), hex(-255), bin(-5))
    print(float(2 ** 100), 2 ** 100 / 3, 2 ** 2000 / 2 ** 1999, int(1e20), int(2.0 ** 70), int(-1.5e10))
    print(pow(2, 100, 10 ** 9 + 7), pow(3, 10 ** 18, 1000), pow(-3, 3, 7), pow(3, 3, -7), pow(3, -1, 7))
    x = 12345678901234567890
    print(x * x, x - x * 2, -x // 1, x % 1000, abs(-x), max(x, x + 1), type(x).__name__)
    print(10 ** 18 * 10 ** 18, (10 ** 40) // (10 ** 20), -(10 ** 40) // 3, 10 ** 40 % -3)
    print(hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 20), hash(-(2 ** 61)))


asyncio.run(main())
