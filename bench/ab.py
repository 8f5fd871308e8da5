#!/usr/bin/env python3
"""Time two or more builds of scenario against each other on the same workloads.

For judging a change on this noisy machine: the binaries run in turn, RUNS rounds,
as whole processes (`scenario run --format stdout FILE`), so that a burst of load
hits them alike. Reported per binary: the minimum and the median wall time, and the
median relative to the first binary. Outputs must agree between the binaries.

Keep a copy of the binary before a change (`cp target/release/scenario /tmp/before`),
rebuild, then:

    bench/ab.py /tmp/before target/release/scenario
    bench/ab.py --runs 21 /tmp/before target/release/scenario w7_compute w4_calls
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11, help="rounds (default 11)")
    parser.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"), help="workload directory")
    parser.add_argument("args", nargs="+", metavar="BINARY|WORKLOAD",
                        help="two or more scenario binaries, then workload names or files (default: all w*.py)")
    options = parser.parse_args()
    binaries = [a for a in options.args if os.path.isfile(a) and os.access(a, os.X_OK) and not a.endswith(".py")]
    names = [a for a in options.args if a not in binaries]
    if len(binaries) < 2:
        parser.error("give at least two scenario binaries")
    files = []
    for name in names or sorted(f for f in os.listdir(options.bench) if f.startswith("w") and f.endswith(".py")):
        path = name if os.path.isfile(name) else os.path.join(options.bench, name if name.endswith(".py") else name + ".py")
        if not os.path.isfile(path):
            parser.error(f"no workload {name!r} (looked for {path})")
        files.append(path)

    width = max(len(b) for b in binaries)
    for path in files:
        times = {b: [] for b in binaries}
        outputs = {}
        for _ in range(options.runs):
            for binary in binaries:
                start = time.perf_counter()
                proc = subprocess.run([binary, "run", "--format", "stdout", path], capture_output=True)
                times[binary].append(time.perf_counter() - start)
                outputs.setdefault(binary, (proc.returncode, proc.stdout))
        print(f"{os.path.basename(path)} ({options.runs} rounds)")
        first = statistics.median(times[binaries[0]])
        for binary in binaries:
            ts = times[binary]
            median = statistics.median(ts)
            print(f"  {binary:<{width}}  min {min(ts):.4f}s  median {median:.4f}s  {median / first:6.1%}")
        if len(set(outputs.values())) > 1:
            print("  outputs differ between the binaries", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
