"""Pins for/while ... else with break and continue, nested loops, and loop-variable leakage after the loop."""
import asyncio


async def main():
    for i in range(3):
        pass
    else:
        print("for-else ran, i =", i)
    for i in range(5):
        if i == 2:
            break
    else:
        print("not printed")
    print("broke at", i)
    n = 0
    while n < 3:
        n += 1
    else:
        print("while-else ran, n =", n)
    while True:
        n -= 1
        if n == 0:
            break
    else:
        print("never")
    for i in []:
        print("empty body")
    else:
        print("empty loop still runs else")
    for i in range(3):
        for j in range(3):
            if j == 1:
                continue
            if i == 2:
                break
            print("pair", i, j)
        else:
            print("inner else", i)
    k = 0
    while k < 10:
        k += 1
        if k % 2:
            continue
        if k > 6:
            break
        print("even", k)
    else:
        print("no")
    for x in range(10, 0, -3):
        print(x, end=" ")
    print()
    for v in *[1], *(2, 3):
        print(v, end=";")
    print()
    it = iter(range(10))
    print(list(zip(it, it)))


asyncio.run(main())
