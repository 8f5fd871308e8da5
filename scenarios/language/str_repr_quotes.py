"""Pins repr() of strings: quote selection, escapes for control/non-printable characters, and printable unicode."""
import asyncio


async def main():
    print(["it's", 'a"b', 'both\'"', "plain", ""])
    print(repr("'\""), repr("'"), repr('"'), repr("\\"), repr("\\n"))
    print(repr("tab\there"), repr("nl\n"), repr("nul\x00"), repr("bell\a\b\f\v\r"), repr("\x7f\x80\x9f\xa0\xad"))
    print(repr("é ü 中文 😀"), repr("\u200b\u2028\ufeff"), repr("\U0001F600"), repr("\u0378\ue000\U000e0001\U0010ffff"))
    print((1,), (), ((1,),), [(1, 2), [3, [4, {5: (6,)}]]], {"a": [1, {"b": None}]}, {(1, 2): "t"})
    print(str("x"), str([1, "a"]), str(None), str((1,)), repr(frozenset()), repr(set()), repr([None, True, False]))
    print(len("😀"), "aé"[1], ord("é"), chr(233), chr(0x1F600), "%r" % "it's", "{!r}".format('a"b'), f"{'x'!r}")
    print("\101\x41\u0041\U00000041", r"\n\t", "multi\nline", "line\
continued")
    print(repr("a\r\nb".splitlines()), repr("x\n".split("\n")))


asyncio.run(main())
