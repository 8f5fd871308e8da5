"""A student's own time.py: CPython never imports it, `time` is built into the interpreter."""


def perf_counter():
    return -1
