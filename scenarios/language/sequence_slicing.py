"""Pins slicing with steps and negative/out-of-range indices on lists, tuples, strings and ranges, plus index errors."""
import asyncio


async def main():
    lst = list(range(10))
    tup = tuple(lst)
    s = "abcdefghij"
    for seq in (lst, tup, s):
        print(seq[::2], seq[::-1], seq[-3:], seq[:-3], seq[1:8:3], seq[8:1:-2], seq[-1:-5:-1], seq[100:], seq[-100:2], seq[5:2])
    r = range(10)
    print(list(r[2:8:2]), r[::-1][0], r[-1], len(range(0, 100, 7)), range(5, 0, -1)[4], list(range(-5, 5, 3)), 7 in range(1, 10, 2))
    print(range(3) == range(0, 3, 1), range(0) == range(5, 5), repr(range(1, 10, 2)), range(4), range(10)[::2])
    print(s[::-3], s[1::-1], s[:1:-4], lst[None:2], lst[slice(1, 4, 2)], [1, 2, 3][-10 ** 20:10 ** 20], "abc"[10 ** 30:])
    for thunk in (lambda: lst[::0], lambda: lst[10], lambda: tup[-11], lambda: s[20], lambda: r[10], lambda: lst["a"], lambda: (1, 2)[None]):
        try:
            thunk()
        except (ValueError, IndexError, TypeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
