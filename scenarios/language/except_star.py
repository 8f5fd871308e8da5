"""except* and ExceptionGroup.split/subgroup: which part each clause takes, what is re-raised."""
def f(excs):
    try:
        raise ExceptionGroup("top", excs)
    except* ValueError as eg:
        print("V", repr(eg))
    except* TypeError as eg:
        print("T", repr(eg))
        raise
    except* KeyError:
        print("K")
        raise RuntimeError("new")

for excs in ([ValueError(1)], [ValueError(1), TypeError(2)], [TypeError(3), ExceptionGroup("inner", [TypeError(4), OSError(5)])], [KeyError(6), TypeError(7)], [OSError(8)]):
    try:
        f(excs)
        print("ok")
    except BaseException as e:
        print("raised", repr(e), repr(e.__context__) if e.__context__ else "")
try:
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("naked", repr(eg))
        raise
except BaseException as e:
    print("out", repr(e))
try:
    try:
        raise ValueError("naked2")
    except* TypeError:
        print("no")
except BaseException as e:
    print("out2", repr(e))
try:
    try:
        raise ValueError("x")
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
eg = ExceptionGroup("m", [ValueError(1), ExceptionGroup("n", [TypeError(2), ValueError(3)])])
print(eg.split(ValueError))
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
print(eg.split((KeyError,)))
