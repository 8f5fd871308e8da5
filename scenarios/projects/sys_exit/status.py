"""sys.exit(n) and the statuses CPython gives: the low byte of an int; None is 0."""
import sys

for code in [None, 0, 3, True, 256, -1, 2 ** 64, 'text', 3.5, (1, 2)]:
    try:
        sys.exit(code)
    except SystemExit as exit:
        print(repr(code), '->', repr(exit.code), exit.args)

try:
    exit(7)
except SystemExit as exit:
    print('exit(7) ->', exit.code)

try:
    sys.exit(2)
except Exception:
    print('never: SystemExit is not an Exception')
except BaseException as exit:
    print('caught as BaseException', exit.code)

print(sys.getrecursionlimit(), sys.maxsize, sys.platform)
sys.stdout.write('written ')
print(sys.stdout.write('and counted\n'))
print('to stderr', file=sys.stderr)
sys.stdout.flush()
sys.exit(259)
