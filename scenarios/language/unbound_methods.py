"""Methods looked up on a type take the instance first: key=str.lower, dict.fromkeys."""
import asyncio


async def main():
    names = ["bob", "Alice", "carol", "Dave"]
    print(sorted(names))
    print(sorted(names, key=str.lower))
    print(list(map(str.strip, ["  a ", "b  "])))
    print(dict.fromkeys(["x", "y"], 0))
    print(pow(3, -1, 7), pow(2, 10, 1000))
    try:
        str.upper(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
