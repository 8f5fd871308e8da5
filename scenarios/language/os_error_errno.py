"""Pins OSError(errno, strerror[, filename]): the errno picks the subclass, str() and args follow CPython."""
for args in [(2, "No such file"), (2, "No such file", "a.txt"), (13, "Denied", "x", None, "y"), (99, "Odd"), ("2", "str errno"), (2,), (110, "timed out"), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, str(e), repr(e), e.args)
try:
    raise OSError(2, "No such file")
except FileNotFoundError as e:
    print("caught", e)
print(isinstance(TimeoutError(110, "x"), OSError), str(FileNotFoundError(2, "gone")), str(ConnectionResetError(104, "reset")))
raise OSError(2, "No such file", "config.toml")
