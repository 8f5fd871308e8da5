"""An uncaught exception group is drawn as CPython draws it: nested, numbered boxes."""
def f():
    raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), KeyError("c")]), OSError(2, "nope")])
try:
    f()
except* TypeError:
    raise RuntimeError("while handling")
