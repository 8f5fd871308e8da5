"""Pins str.split/rsplit (sep and maxsplit), splitlines, strip family with chars, partition/rpartition and join."""
import asyncio


async def main():
    for s in ["a,b,,c", ",a,", "a::b::c", "  a  b  c  ", ""]:
        for sep in [",", "::", " ", None]:
            print(repr(s), repr(sep), [s.split(sep, m) for m in (-1, 0, 1)], s.rsplit(sep, 1))
    print("a  b\tc\nd\x0be\x0cf\u3000g".split(), "one two three".split(maxsplit=1), "a b c".rsplit(None, 1))
    print("a\nb\r\nc\rd\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "x\x1cy\x85z\u2028w".splitlines())
    print(repr("  x \n".strip()), "xxhixx".strip("x"), "abcba".strip("ab"), "..a..".lstrip("."), "..a..".rstrip("."))
    print("www.example.com".lstrip("cmowz."), "mississippi".rstrip("ips"), "\u3000 spaced \u00a0".strip(), "abc".strip(""))
    print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
    print("-".join(["a", "b"]), "".join([]), ", ".join("abc"), "+".join(str(i) for i in range(4)))
    try:
        ",".join(["a", 2])
    except TypeError as e:
        print(e)
    try:
        "x".split("")
    except ValueError as e:
        print(e)


asyncio.run(main())
