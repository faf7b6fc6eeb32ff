#!/usr/bin/env bash
# Grades the reference solutions N times (default 20), then each alternative correct solution in
# grader/src/test/fixtures/good/ ALT times (default N/4), while `yes > /dev/null` keeps every core
# busy, and counts the runs below full marks: a correct submission must get full marks every time.
# A good fixture is graded as the submission it stands for, which the test-side fixture model
# writes (grader.fixtures.SubmissionWriter: an exercise the fixture lacks comes from solutions/),
# so this script has no fixture rules of its own.
# Usage: grader/bench/stress.sh [N] [ALT]. Logs and scorecards of failed runs stay in target/stress/.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-20}
alt_runs=${2:-$(( (runs + 3) / 4 ))}
out=target/stress
rm -rf "$out"
mkdir -p "$out"
make -s build
# Without load: the fixture model's classes, then the good fixtures' submissions in target/stress/good/.
mvn -B -q -pl grader -am test-compile
java -Dgrader.repo="$PWD" -cp "grader/target/test-classes:grader/target/classes:grader/target/lib/*" \
  grader.fixtures.SubmissionWriter good "$out/good" >/dev/null

hogs=()
stop_hogs() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_hogs EXIT
for _ in $(seq "$(nproc)"); do
  yes >/dev/null &
  hogs+=($!)
done

below=0
total_runs=0
# grade <label> <submission> <times>: one line per run, the failing tests of a run below full marks.
grade() {
  local label=$1 submission=$2 times=$3 i start seconds status total name
  echo "grading $label $times times with ${#hogs[@]} CPU hogs (yes > /dev/null)"
  for i in $(seq "$times"); do
    name="$out/$label-$i"
    start=$(date +%s)
    status=0
    java -jar grader/target/grader.jar grade "$submission" --out "$name.json" --require-full-marks \
      >"$name.log" 2>&1 || status=$?
    seconds=$(( $(date +%s) - start ))
    total=$(grep -o 'Total: .*' "$name.log" || echo 'no total')
    total_runs=$((total_runs + 1))
    if [ "$status" -eq 0 ]; then
      echo "  $label run $i: full marks ($total, ${seconds} s)"
      rm -f "$name.json" "$name.log"
    else
      below=$((below + 1))
      echo "  $label run $i: BELOW FULL MARKS ($total, exit $status, ${seconds} s): see $name.log"
      grep -E '^  (✘|⏱|–) ' "$name.log" | sed 's/^/      /' || true
    fi
  done
}

grade solutions solutions "$runs"
for alternative in "$out"/good/*/; do
  grade "$(basename "$alternative")" "$alternative" "$alt_runs"
done

echo "$below of $total_runs runs below full marks"
[ "$below" -eq 0 ] && rm -rf "$out/good"
[ "$below" -eq 0 ]
