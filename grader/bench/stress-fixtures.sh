#!/usr/bin/env bash
# Grades every known-bad fixture (grader/src/test/fixtures/bad/, laid over a copy of solutions/)
# through grader.jar, two at a time, while `yes > /dev/null` keeps every core busy, and checks
# that each fails exactly the tests in its expected-failures.txt: FixtureVerdictsIT's verdicts,
# under load. Usage: grader/bench/stress-fixtures.sh [ROUNDS] [GLOB]; e.g. 1 'threads-*'. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds=${1:-1}
pattern=${2:-*}
out=$PWD/target/stress-fixtures
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

# check <fixture> <round>: prints "exact <name>" or "MISMATCH <name> ..." with both sets of tests.
check() {
  local fixture=$1 round=$2 name exercise work want got
  name=$(basename "$fixture")
  exercise=${name%%-*}
  work="$out/$round/$name"
  mkdir -p "$work"
  cp -r solutions/src solutions/REPORT.md "$work/"
  (cd "$fixture" && find . -type f ! -name expected-failures.txt -exec cp --parents {} "$work/" \;)
  if [ -f "$fixture/remove.txt" ]; then
    grep -v -e '^#' -e '^\s*$' "$fixture/remove.txt" | while read -r file; do rm -f "$work/$file"; done
  fi
  java -jar grader/target/grader.jar grade "$work" --exercise "$exercise" --out "$work.json" >"$work.log" 2>&1 || true
  got=$(python3 -c 'import json, sys
card = json.load(open(sys.argv[1]))
print(" ".join(sorted(t["id"] for e in card["exercises"] for t in e["tests"] if t["status"] != "passed")))' "$work.json" 2>/dev/null || echo "no scorecard")
  want=$(grep -v -e '^#' -e '^\s*$' "$fixture/expected-failures.txt" | sed 's/\s*$//' | sort | tr '\n' ' ' | sed 's/ $//')
  if [ "$got" == "$want" ]; then
    echo "  exact     $name"
    rm -rf "$work" "$work.json" "$work.log"
  else
    echo "  MISMATCH  $name: expected to fail [$want], failed [$got]; see $work.log"
  fi
}
export -f check
export out

fixtures=(grader/src/test/fixtures/bad/$pattern)
echo "grading ${#fixtures[@]} bad fixtures $rounds time(s), two at a time, with ${#hogs[@]} CPU hogs"
results=$out/results.txt
for round in $(seq "$rounds"); do
  printf '%s\n' "${fixtures[@]}" | xargs -P 2 -I {} bash -c 'check "$1" "$2"' _ {} "$round" | tee -a "$results"
done

mismatches=$(grep -c MISMATCH "$results" || true)
echo "$mismatches of $(wc -l <"$results") gradings did not fail exactly the expected tests"
[ "$mismatches" -eq 0 ]
