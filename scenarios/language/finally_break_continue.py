"""Pins break and continue inside a finally that runs for an exception: the exception is dropped."""
import asyncio


def swallow_in_for():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            out.append("finally")
            if i == 3:
                break
            continue
    return out


def swallow_in_while():
    n = 0
    while n < 3:
        n += 1
        try:
            try:
                raise KeyError(n)
            finally:
                if n < 3:
                    continue
        except KeyError as e:
            print("caught", e)
    return n


def nested_loops():
    for x in [1, 2]:
        for y in "ab":
            try:
                raise ValueError(y)
            finally:
                break
        print("after inner loop", x, y)
    try:
        raise ValueError("lost")
    finally:
        return "returned from finally"


async def main():
    print(swallow_in_for())
    print(swallow_in_while())
    print(nested_loops())
    total = 0
    for i in range(5):
        try:
            try:
                await asyncio.sleep(0.1)
                raise RuntimeError(i)
            finally:
                if i < 4:
                    continue
        except RuntimeError as e:
            print("escaped", e)
        total += i
    print(total)


asyncio.run(main())
