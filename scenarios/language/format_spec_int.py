"""Pins the format-spec mini-language for ints: fill/align, sign, '#', '0', width, ',' and '_', and types d x o b c e f g %."""
import asyncio


async def main():
    specs = ["d", "5d", "<5", ">5", "^5", "*^7", "0>5", "05", "+d", " d", "=+8", "x", "X", "#x", "#X", "#010x",
             "o", "#o", "b", "#b", "#012b", ",", "_", "_x", "_b", "012,", "e", ".2e", "f", "g", "%", ".1%"]
    for v in (0, 7, -7, 255, 1234567, -1234567, 2 ** 64):
        print(f"{v:>10} |" + "|".join(format(v, s) for s in specs))
    print(format(65, "c"), format(8364, "c"), f"{97:>3c}|", format(True, "d"), format(True, ">5"), format(False, "05"))
    for value, spec in [(1, "s"), (1, ".2d"), (1, ",x"), (1, "_,"), (-1, "c"), (0x110000, "c"), (1, ",c"), (1, "z")]:
        try:
            print(repr(format(value, spec)))
        except (ValueError, OverflowError) as e:
            print(spec, "->", type(e).__name__, e)


asyncio.run(main())
