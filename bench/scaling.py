#!/usr/bin/env python3
"""How w1_fanout's cost grows with its number of tasks, under scenario and under CPython.

Runs ../shared/bench/w1_fanout.py with N = 1k, 10k, 100k and 1M (a copy with N replaced),
RUNS times each, and prints the median wall time, peak RSS, and both per task.
Usage: bench/scaling.py [--runs 3] [--no-cpython]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import ROOT, measure  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-cpython", action="store_true", help="time scenario only")
    parser.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    parser.add_argument("--scenario", default=os.path.join(ROOT, "target", "release", "scenario"))
    args = parser.parse_args()
    python = subprocess.run(
        ["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True
    ).stdout.strip()
    oracle = os.path.join(ROOT, "tests", "oracle", "vclock.py")
    source = open(os.path.join(args.bench, "w1_fanout.py")).read()
    print(f"{'tasks':>9} {'scenario':>10} {'RSS':>8} {'per task':>10} {'bytes/task':>10}"
          f"{'' if args.no_cpython else '   CPython      RSS   per task  speed-up'}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1_000, 10_000, 100_000, 1_000_000):
            path = os.path.join(tmp, f"w1_{n}.py")
            with open(path, "w") as f:
                f.write(re.sub(r"^N = .*$", f"N = {n}", source, flags=re.M))
            row = []
            for argv in ([args.scenario, "run", "--format", "stdout", path],
                         None if args.no_cpython else [python, oracle, path]):
                if argv is None:
                    continue
                samples = [measure(argv) for _ in range(args.runs)]
                wall = statistics.median(s[0] for s in samples)
                rss = max(s[1] or 0 for s in samples)
                row.append((wall, rss))
            (wall, rss) = row[0]
            line = f"{n:>9,} {wall:>9.3f}s {rss:>6.1f}MB {wall / n * 1e6:>8.2f}µs {rss * 1048576 / n:>10,.0f}"
            if len(row) > 1:
                (cwall, crss) = row[1]
                line += f" {cwall:>8.3f}s {crss:>6.1f}MB {cwall / n * 1e6:>8.2f}µs {cwall / wall:>8.1f}x"
            print(line, flush=True)


if __name__ == "__main__":
    main()
