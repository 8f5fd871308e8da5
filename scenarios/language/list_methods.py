"""Pins list methods and list slicing assignment: insert clamping, pop/remove/index errors, sort stability, slice deletion."""
import asyncio


async def main():
    lst = [3, 1, 2]
    lst.append(4)
    lst.extend([5, 6])
    lst.extend("ab")
    lst.insert(0, "first")
    lst.insert(100, "last")
    lst.insert(-1, "neg")
    lst.insert(-100, "front")
    print(lst)
    print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
    lst.remove("a")
    print(lst, lst.index(2), lst.index(5, 3), lst.count(1), [1, 2, 3].index(3, -1))
    words = ["bb", "a", "ccc", "dd", "e"]
    print(sorted(words, key=len), sorted(words, key=len, reverse=True))
    words.sort(key=len)
    print(words)
    nums = list(range(10))
    nums[2:5] = "ab"
    print(nums)
    nums[::3] = [None] * len(nums[::3])
    print(nums)
    del nums[::2]
    print(nums)
    nums[:0] = [9, 8]
    nums[len(nums):] = [7]
    print(nums)
    grid = [[0] * 2] * 2
    grid[0][0] = 1
    print(grid, [[0] * 2 for _ in range(2)])
    x = [1, 2]
    x += (3,)
    x += "ab"
    x *= 2
    print(x)
    def assign_out_of_range():
        nums[99] = 1

    for thunk in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(9), lambda: [1].index(9),
                  lambda: [3, "a"].sort(), assign_out_of_range):
        try:
            thunk()
        except (IndexError, ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        nums[::2] = [1, 2, 3, 4, 5, 6, 7]
    except ValueError as e:
        print(e)


asyncio.run(main())
