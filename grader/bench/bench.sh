#!/usr/bin/env bash
# Times grading as a student meets it: `make check`, cold (the first run) and warm (the median of
# the next runs), on the reference solutions (every exercise) and on one exercise, plus the time
# make needs to see that grader.jar is up to date. Usage: grader/bench/bench.sh [RUNS] (default 3).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-3}
ex=${EX:-threads}
out=target/bench
mkdir -p "$out"
make -s build

millis() { date +%s%3N; }

# Runs "$@" once, prints its wall time in ms, keeps its output in $out/last.log.
timed() {
  local start end
  start=$(millis)
  "$@" >"$out/last.log" 2>&1 || true
  end=$(millis)
  echo $((end - start))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

report() {
  local name=$1; shift
  local cold warm
  cold=$(timed "$@")
  warm=$(for _ in $(seq "$runs"); do timed "$@"; done | median)
  printf '%-34s cold %6d ms   warm %6d ms (median of %d)   %s\n' "$name" "$cold" "$warm" "$runs" \
    "$(grep -o 'Total: .*' "$out/last.log" || echo 'no total: see target/bench/last.log')"
}

echo "java: $(java -version 2>&1 | head -1) · cores: $(nproc) · load: $(cut -d' ' -f1-3 /proc/loadavg)"
report "make build (up to date)" make -s build
report "make check DIR=solutions" make -s check DIR=solutions
report "make check DIR=solutions EX=$ex" make -s check DIR=solutions EX="$ex"
report "make check (exercises/)" make -s check
