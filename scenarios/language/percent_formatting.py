"""Pins printf-style % formatting: conversions, flags, width/precision, '*', mapping keys, and error messages."""
import asyncio


async def main():
    fmts = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%#x", "%X", "%o", "%#o", "%e", "%.2e", "%f", "%.0f",
            "%10.2f", "%g", "%.3g", "%#g", "%s", "%r", "%i", "%+.2e", "%08.3f"]
    for v in (0, -1, 42, 255, 3.14159, -2.5, 0.5, 1e10, 1e-5, True):
        print(repr(v), "|".join(f % v for f in fmts))
    print("%s" % "x", "%5s|%-5s|" % ("ab", "cd"), "%.1s" % "xyz", "%r" % [1, "a"], "%s" % {"a": 1}, "%(x)d%%" % {"x": 5})
    print("%3c|" % "z", "%c" % 65, "%*d" % (5, 3), "%-*d|" % (4, 1), "%s" % (1,), "%s" % ((1, 2),), "%a" % "é")
    print("%d items" % 3.7, "%x" % -255, "%d" % 2 ** 70, "%.0e" % 15, "%#.0f" % 1, "%.2f" % 0.125, "%5.1f%%" % 99.55)
    for fmt, arg in [("%d", "x"), ("%c", 1.5), ("%x", 1.5), ("%s %s", "ab"), ("%s", ()), ("abc", 5), ("%s", (1, 2)), ("%z", 1), ("%(a)s", 1)]:
        try:
            print(fmt % arg)
        except (TypeError, ValueError, KeyError) as e:
            print(repr(fmt), type(e).__name__, e)


asyncio.run(main())
