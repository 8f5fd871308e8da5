"""Pins str find/rfind/index/count with ranges, startswith/endswith with tuples, replace with count, case and padding methods."""
import asyncio


async def main():
    s = "Hello, World! Hello!"
    print(s.count("l", 3), s.count("l", 3, 10), s.find("o", -5), s.find("o", 5, -8), s.rfind("l", 0, 5), s.rindex("Hello", 0, 15))
    print("banana".find("an"), "banana".rfind("an"), "banana".find("a", 2, 3), "banana".count("a"), "aaa".count("aa"), "banana".count(""))
    print("hello".startswith(("x", "hel")), "hello".startswith("l", 2, 3), "hello".endswith(("a", "o")), "hello".endswith("l", 0, 4))
    print("aaa".replace("a", "b", 2), "abc".replace("", "-"), "aaaa".replace("aa", "b"), "abc".replace("", "-", 2))
    print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(2), "-".zfill(3))
    for w in range(0, 8):
        print(w, repr("ab".center(w, "*")), repr("abc".center(w)), repr("x".ljust(w, ".")), repr("x".rjust(w)))
    print("hello world-foo it's 3rd".title(), "hELLO wORLD".capitalize(), "Hello".swapcase(), "ß".upper(), "Straße".casefold())
    print("123".isdigit(), "".isdigit(), "abc".isalpha(), "ab1".isalnum(), "   ".isspace(), "Ab".isupper(), "ab".islower())
    for thunk in (lambda: "abc".index("z"), lambda: "abc".rindex("z"), lambda: "x".startswith(1), lambda: "a".center(5, "xy")):
        try:
            thunk()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
