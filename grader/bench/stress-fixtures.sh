#!/usr/bin/env bash
# Runs FixtureVerdictsIT ROUNDS times (default 1) while `yes > /dev/null` keeps every core busy:
# each bad fixture must fail exactly the tests in its expected-failures.txt and each good one get
# full marks, under load. The IT grades as many fixtures at a time as a batch's default jobs (4 on
# two cores) through a copy of grader.jar, and reads the fixtures through the test-side fixture
# model (grader.fixtures): this script has no reader of its own. FIXTURES=a,b (environment)
# grades only those fixtures.
# Usage: grader/bench/stress-fixtures.sh [ROUNDS]. Logs: grader/target/stress-fixtures-<round>.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds=${1:-1}
# Build first, without load, so that only the grading runs beside the hogs.
mvn -B -q -Dmaven.test.skip=true -pl grader -am package

hogs=()
stop_hogs() {
  for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_hogs EXIT
for _ in $(seq "$(nproc)"); do
  yes >/dev/null &
  hogs+=($!)
done

failed=0
for round in $(seq "$rounds"); do
  echo "round $round of $rounds: FixtureVerdictsIT with ${#hogs[@]} CPU hogs (yes > /dev/null)"
  log=grader/target/stress-fixtures-$round.log
  if ! mvn -B -pl grader -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test=FixtureVerdictsIT ${FIXTURES:+-Dfixtures.only="$FIXTURES"} >"$log" 2>&1; then
    failed=$((failed + 1))
  fi
  grep -E 'Tests run:.*FixtureVerdictsIT|<<< FAIL' "$log" || echo "  no test ran: see $log"
done

echo "$failed of $rounds rounds had a fixture that did not get its expected verdict"
[ "$failed" -eq 0 ]
