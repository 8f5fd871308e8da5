"""Pins an uncaught exception raised `from` another inside main: stdout before it, exit code 1, last stderr line."""
import asyncio


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"could not parse {text!r}") from e


async def main():
    print(parse("12"))
    print(parse(" 7 "))
    print(parse("x1"))
    print("never printed")


asyncio.run(main())
