"""A student's own json.py: CPython imports it instead of the standard module."""


def dumps(value):
    return 'my own dumps of ' + repr(value)
