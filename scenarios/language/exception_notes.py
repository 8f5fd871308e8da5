"""Pins add_note, __notes__ and with_traceback, and notes printed under an uncaught traceback."""
import asyncio


async def fail(note):
    error = ValueError("bad input")
    error.add_note(note)
    raise error


async def main():
    e = KeyError("k")
    print(e.with_traceback(None) is e)
    try:
        print(e.__notes__)
    except AttributeError as missing:
        print("no notes yet:", missing)
    e.add_note("first")
    e.add_note("second")
    print(e.__notes__, len(e.__notes__))
    try:
        e.add_note(42)
    except TypeError as wrong:
        print(wrong)
    try:
        await fail("while parsing line 3")
    except ValueError as caught:
        caught.__notes__.append("appended directly")
        print(caught, caught.__notes__)
    try:
        try:
            raise e
        except KeyError as again:
            again.add_note("third")
            raise
    except KeyError as last:
        print(last.__notes__)
    await fail("this one escapes")


asyncio.run(main())
