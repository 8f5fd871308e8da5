"""Pins try/except/else/finally control flow: return/break inside finally, tuples of types, bare raise, nested handlers."""
import asyncio


def classify(x):
    try:
        if x == 0:
            raise ValueError("zero")
        elif x == 1:
            raise KeyError("one")
        elif x == 2:
            return 1 / 0
        elif x == 3:
            return "returned"
    except (ValueError, KeyError) as e:
        print("  caught", type(e).__name__, e)
        return "from except"
    except ArithmeticError as e:
        print("  arith", repr(e))
    else:
        print("  else", x)
    finally:
        print("  finally", x)
    return "end"


def finally_wins():
    try:
        return 1
    finally:
        return 2


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return i


def loop_with_finally():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            log.append(i)
    return log


def reraise_after_inner():
    try:
        try:
            raise ValueError("a")
        except ValueError:
            try:
                raise KeyError("b")
            except KeyError:
                pass
            raise
    except ValueError as e:
        return "outer got " + repr(e)


async def main():
    for x in range(5):
        print(x, classify(x))
    print(finally_wins(), finally_swallows(), break_in_finally(), loop_with_finally(), reraise_after_inner())
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as e:
        print(repr(e), repr(e.__context__))
    e = "outer value"
    try:
        raise OSError("x")
    except OSError as e:
        pass
    try:
        print(e)
    except NameError as err:
        print("NameError:", err)
    for thunk_name in ("bare raise", "raise 5", "raise from 3", "except 5"):
        try:
            if thunk_name == "bare raise":
                raise
            elif thunk_name == "raise 5":
                raise 5
            elif thunk_name == "raise from 3":
                raise ValueError("x") from 3
            else:
                try:
                    1 / 0
                except 5:
                    pass
        except (RuntimeError, TypeError) as err:
            print(thunk_name, "->", type(err).__name__, err)


asyncio.run(main())
