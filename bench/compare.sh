#!/usr/bin/env bash
# Build scenario in release mode, then time it against CPython on the reference workloads.
# Arguments go to bench/compare.py (e.g. --runs 9, or workload names like w1_fanout).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
python3 bench/compare.py "$@"
