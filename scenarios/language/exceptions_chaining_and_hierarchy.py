"""Pins raise from / from None / __context__, exception args/str/repr, assert messages, and catching by base class or tuple."""
import asyncio


def raiser(exc):
    raise exc


async def main():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("bad") from e
    except ValueError as e:
        print(repr(e), repr(e.__cause__), type(e.__context__).__name__)
    try:
        try:
            {}["x"]
        except KeyError:
            raise RuntimeError("no ctx") from None
    except RuntimeError as e:
        print(e.__cause__, repr(e.__context__))
    try:
        try:
            [][0]
        except IndexError:
            raise TypeError("implicit")
    except TypeError as e:
        print(repr(e.__context__), e.__cause__)
    for exc in (ValueError, ValueError(), KeyError("a", 1), KeyError("quote's"), KeyError(), KeyError(""),
                Exception("a", "b"), Exception(None), ValueError(42), OSError("x")):
        try:
            raise exc
        except Exception as e:
            print(type(e).__name__, repr(str(e)), repr(e), e.args)
    for cond, msg in ((1 == 2, "math is broken"), (False, None), ([], ["list", 1])):
        try:
            if msg is None:
                assert cond
            else:
                assert cond, msg
        except AssertionError as e:
            print(repr(e), e.args)
    tests = [
        (ZeroDivisionError("z"), ArithmeticError), (OverflowError("o"), ArithmeticError), (KeyError("k"), LookupError),
        (IndexError("i"), LookupError), (FileNotFoundError("f"), OSError), (ConnectionRefusedError("c"), ConnectionError),
        (ConnectionResetError(), OSError), (TimeoutError(), OSError), (UnboundLocalError("u"), NameError),
        (RecursionError("r"), RuntimeError), (NotImplementedError("n"), RuntimeError), (ModuleNotFoundError("m"), ImportError),
        (StopIteration(1), Exception), (KeyboardInterrupt(), BaseException), (SystemExit(3), BaseException),
        (AssertionError("a"), Exception), (PermissionError("p"), OSError), (UnicodeError(), ValueError), (LookupError(), Exception),
    ]
    for exc, base in tests:
        try:
            raiser(exc)
        except base as e:
            print(f"{type(e).__name__:<24} caught by {base.__name__:<16} {e!r} {str(e)!r}")
    try:
        raiser(KeyError("x"))
    except (IndexError, ValueError):
        print("wrong handler")
    except (LookupError, TypeError) as e:
        print("tuple handler", repr(e))
    for exc in (KeyboardInterrupt(), SystemExit(0), ValueError("v")):
        try:
            try:
                raiser(exc)
            except Exception as e:
                print("except Exception caught", repr(e))
        except BaseException as e:
            print("escaped to BaseException:", repr(e))
    print(isinstance(KeyError(), LookupError), isinstance(KeyError(), (TypeError, Exception)), isinstance(SystemExit(), Exception))

asyncio.run(main())
