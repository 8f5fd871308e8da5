"""Pins int()/float() parsing of strings: bases, underscores, whitespace, unicode digits and error messages."""
import asyncio


async def main():
    for s, base in [("  -0  ", 10), ("1_000", 10), ("_1", 10), ("1__0", 10), ("0b", 0), ("010", 0), ("00", 0),
                    ("0X1F", 16), ("0x1F", 16), ("11", 2), ("2", 2), ("Z", 36), ("+ 1", 10), ("\t42\n", 10),
                    ("-", 10), ("", 10), ("777", 8), ("8", 8), ("12", 1), ("1.0", 10), ("١٢", 10)]:
        try:
            print(repr(s), base, int(s, base))
        except ValueError as e:
            print(repr(s), base, "ValueError:", e)
    for s in ["1.5", "-1.5e3", "1_0.0", "_1.0", "inf", "-Infinity", "+nan", "1e", ".", "0x10", "  7  ", "1e-400", "1e400", "5."]:
        try:
            print(repr(s), repr(float(s)))
        except ValueError as e:
            print(repr(s), "ValueError:", e)
    print(int(True), int(7.999999999999999), int(-7.9), int("+7"), float(7), float(True), int(" 1_0 "))
    for thunk in (lambda: int(None), lambda: int([]), lambda: float([1]), lambda: int("5", None)):
        try:
            thunk()
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
