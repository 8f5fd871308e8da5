#!/usr/bin/env python3
"""seeded.py -- vclock.py with `random` seeded first, as `scenario run --seed N` seeds it.

Usage:  python3 seeded.py SEED PROGRAM.py [ARGS...]

`scenario run --seed N` acts as `random.seed(N)` before the program starts (default 0).
This does the same for CPython, then runs PROGRAM under vclock.py (this file's
neighbour, a copy of ../shared/oracle/vclock.py), so that a program that never seeds
`random` itself prints the same numbers under both.
"""
import os
import random
import runpy
import sys

if len(sys.argv) < 3:
    sys.exit("usage: python3 seeded.py SEED PROGRAM.py [ARGS...]")
random.seed(int(sys.argv[1]))
vclock = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vclock.py")
sys.argv = [vclock] + sys.argv[2:]
runpy.run_path(vclock, run_name="__main__")
