#!/usr/bin/env bash
# Fuzz scenario with libFuzzer: fuzz/run.sh [TARGET] [SECONDS] [-- LIBFUZZER FLAGS...]
#   TARGET  run (default: bytes run as a scenario) or check (the front end only)
#   SECONDS how long (default 600)
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). The corpus starts
# from every scenario in scenarios/ and grows in fuzz/corpus/TARGET (not committed);
# crashes land in fuzz/artifacts/TARGET. Reproduce one with
#   cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...
# and turn it into a scenario under scenarios/errors/ (or a unit test) before fixing it.
# Leak detection is off: values are reference-counted, and a cycle of them (two tasks
# awaiting each other) lives until the process ends, which is by design.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-run}"
seconds="${2:-600}"
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
corpus="fuzz/corpus/$target"
mkdir -p "$corpus"
# Seed it with the suite, flattened (libFuzzer reads one directory level).
find scenarios -name '*.py' | while read -r f; do
    cp "$f" "$corpus/seed_$(echo "$f" | tr '/' '_')"
done
# -handle_segv=0 leaves a stack overflow to Rust's handler, which reports it and aborts;
# libFuzzer's own handler cannot run on the overflowed stack, and the input would be lost.
# No sanitizer: scenario has no unsafe code, so AddressSanitizer finds nothing that
# Rust's own checks miss, and it makes each run several times slower.
parallel=()
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
    # libFuzzer then writes each job's log to fuzz-N.log in the current directory.
    parallel=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
fi
exec cargo +nightly fuzz run --sanitizer none "$target" "$corpus" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -detect_leaks=0 -handle_segv=0 "${parallel[@]}" "$@"
