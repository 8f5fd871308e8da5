#!/usr/bin/env python3
"""Time scenario and CPython side by side on the reference workloads.

Each workload runs RUNS times under `scenario run --format stdout` and under CPython
with the virtual-clock oracle (vclock.py), alternating, as whole processes. Reported:
the median wall time, the peak resident memory (from wait4, per process), and the
ratio CPython / scenario (above 1 means scenario is faster). Outputs must match
expected.txt; a workload scenario cannot run yet is reported as skipped, with why.

Usage: bench/compare.py [--runs N] [--bench DIR] [--scenario BINARY] [WORKLOAD...]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


GNU_TIME = "/usr/bin/time"


def measure(argv):
    """Run argv once: (wall seconds, peak RSS in MB or None, exit code, stdout, stderr).

    Linux charges a child with its parent's memory high-water mark from before exec, so a
    child started from this (large) Python process reports too much. GNU time forks the
    program from a small process of its own; without it, RSS is reported as unknown.
    """
    with tempfile.NamedTemporaryFile() as rss_file:
        prefix = [GNU_TIME, "-f", "%M", "-o", rss_file.name] if os.path.exists(GNU_TIME) else []
        env = dict(os.environ, PYTHONHASHSEED="0")
        start = time.perf_counter()
        proc = subprocess.run(prefix + argv, capture_output=True, env=env)
        wall = time.perf_counter() - start
        peak = None
        if prefix:
            text = open(rss_file.name).read().split()
            peak = int(text[-1]) / 1024.0 if text and text[-1].isdigit() else None
        return wall, peak, proc.returncode, proc.stdout.decode(), proc.stderr.decode()


def megabytes(samples):
    return "n/a" if None in samples else f"{max(samples):.1f}MB"


def memory_ratio(theirs, ours):
    return "n/a" if None in theirs + ours else f"{max(theirs) / max(ours):.1f}x"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per program (default 5)")
    parser.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"), help="workload directory")
    parser.add_argument("--scenario", default=os.path.join(ROOT, "target", "release", "scenario"))
    parser.add_argument("workloads", nargs="*", help="workload names (default: all w*.py)")
    args = parser.parse_args()

    bench = os.path.abspath(args.bench)
    args.scenario = os.path.abspath(args.scenario)
    oracle = os.path.join(ROOT, "tests", "oracle", "vclock.py")
    python = sys.executable  # the real binary, not a version-manager shim
    expected = {}
    with open(os.path.join(bench, "expected.txt")) as f:
        for line in f:
            name, _, output = line.rstrip("\n").partition("\t")
            expected[name] = output
    names = args.workloads or sorted(n for n in os.listdir(bench) if n.startswith("w") and n.endswith(".py"))

    print(f"machine: {os.cpu_count()} cores; {args.runs} runs each; CPython {sys.version.split()[0]} ({python})")
    header = f"{'workload':<16}{'scenario':>11}{'RSS':>9}{'CPython':>11}{'RSS':>9}{'speed-up':>10}{'memory':>9}"
    print(header)
    print("-" * len(header))
    for name in names:
        name = name if name.endswith(".py") else name + ".py"
        path = os.path.join(bench, name)
        ours = [args.scenario, "run", "--format", "stdout", path]
        theirs = [python, oracle, path]
        walls = {"ours": [], "theirs": []}
        rss = {"ours": [], "theirs": []}
        outputs = {}
        skipped = None
        for _ in range(args.runs):
            for key, argv in (("ours", ours), ("theirs", theirs)):
                wall, peak, code, out, err = measure(argv)
                if key == "ours" and code == 2:
                    skipped = err.strip().splitlines()[0] if err.strip() else "exit 2"
                    break
                walls[key].append(wall)
                rss[key].append(peak)
                outputs[key] = out.strip()
            if skipped:
                break
        if skipped:
            print(f"{name:<16}skipped: {skipped}")
            continue
        want = expected.get(name)
        for key in ("ours", "theirs"):
            if want is not None and outputs[key] != want:
                who = "scenario" if key == "ours" else "CPython"
                print(f"{name:<16}WRONG OUTPUT from {who}: {outputs[key]!r} != {want!r}")
        t_ours, t_theirs = statistics.median(walls["ours"]), statistics.median(walls["theirs"])
        print(
            f"{name:<16}{t_ours:>10.3f}s{megabytes(rss['ours']):>9}{t_theirs:>10.3f}s{megabytes(rss['theirs']):>9}"
            f"{t_theirs / t_ours:>9.1f}x{memory_ratio(rss['theirs'], rss['ours']):>9}"
        )

if __name__ == "__main__":
    main()
