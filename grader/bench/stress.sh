#!/usr/bin/env bash
# Grades the reference solutions N times (default 20) while `yes > /dev/null` keeps every core busy,
# and counts the runs below full marks: a correct submission must get full marks every time.
# Usage: grader/bench/stress.sh [N]. Scorecards of failed runs stay in target/stress/.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-20}
out=target/stress
rm -rf "$out"
mkdir -p "$out"
make -s build

hogs=()
stop_hogs() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_hogs EXIT
for _ in $(seq "$(nproc)"); do
  yes >/dev/null &
  hogs+=($!)
done
echo "grading solutions/ $runs times with ${#hogs[@]} CPU hogs (yes > /dev/null)"

below=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  status=0
  java -jar grader/target/grader.jar grade solutions --out "$out/run-$i.json" --require-full-marks \
    >"$out/run-$i.log" 2>&1 || status=$?
  seconds=$(( $(date +%s) - start ))
  total=$(grep -o 'Total: .*' "$out/run-$i.log" || echo 'no total')
  if [ "$status" -eq 0 ]; then
    echo "run $i: full marks ($total, ${seconds} s)"
    rm -f "$out/run-$i.json" "$out/run-$i.log"
  else
    below=$((below + 1))
    echo "run $i: BELOW FULL MARKS ($total, exit $status, ${seconds} s): see $out/run-$i.log"
    grep -E '^  (✘|⏱|–) ' "$out/run-$i.log" | sed 's/^/    /' || true
  fi
done

echo "$below of $runs runs below full marks"
[ "$below" -eq 0 ]
