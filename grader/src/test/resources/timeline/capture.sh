#!/usr/bin/env bash
# Captures the timelines the golden pictures are drawn from: grades solutions/ and the bad fixtures
# whose mistake shows in the picture with the built grader (for real: child JVMs, sandbox) and
# writes each key test's timeline from the scorecard into <source>-<exercise>-<test>.json here.
# See README.md beside this script. Usage (from anywhere; builds the grader first):
#   heavy grader/src/test/resources/timeline/capture.sh [source ...]   (default: every source below)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../../.." && pwd)
cd "$repo"

# source: the exercise it is graded for and the key tests whose timelines are kept.
declare -A keys=(
  [solutions]="threads:sleepsAllThreadsAtTheSameTime processes:startsAllWorkersBeforeWaitingForAny
    async:sendsAllRequestsBeforeAwaitingAny compare:threadsKeepExactlyThePoolSizeInFlight
    compare:processesStartOneWorkerJvmPerUrlBeforeWaiting compare:asyncHasEveryDownloadInFlightAtOnce"
  [threads-sequential-loop]="threads:sleepsAllThreadsAtTheSameTime"
  [threads-join-in-start-loop]="threads:sleepsAllThreadsAtTheSameTime"
  [compare-threads-single-thread]="compare:threadsKeepExactlyThePoolSizeInFlight"
  [async-blocking-send]="async:sendsAllRequestsBeforeAwaitingAny"
  [async-join-each]="async:sendsAllRequestsBeforeAwaitingAny"
  [processes-waitfor-in-start-loop]="processes:startsAllWorkersBeforeWaitingForAny"
)
sources=("$@")
if [ ${#sources[@]} -eq 0 ]; then
  sources=(solutions threads-sequential-loop threads-join-in-start-loop compare-threads-single-thread
    async-blocking-send async-join-each processes-waitfor-in-start-loop)
fi

make -s build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for source in "${sources[@]}"; do
  [ -n "${keys[$source]:-}" ] || { echo "unknown source '$source'; known: ${!keys[*]}" >&2; exit 2; }
  submission=$work/$source
  mkdir -p "$submission"
  cp -r solutions/src solutions/REPORT.md "$submission/"
  exercise_option=()
  if [ "$source" != solutions ]; then
    # A bad fixture is the solutions with its files laid over them (grader.fixtures.Fixture).
    fixture=grader/src/test/fixtures/bad/$source
    (cd "$fixture" && find . -type f -path './src/*' -exec cp --parents {} "$submission/" \;)
    exercise_option=(--exercise "${source%%-*}")
  fi
  java -XX:TieredStopAtLevel=1 -jar grader/target/grader.jar grade "$submission" \
    --out "$work/$source.json" "${exercise_option[@]}" >/dev/null
  for key in ${keys[$source]}; do
    exercise=${key%%:*}
    test=${key#*:}
    jq --arg e "$exercise" --arg t "$test" \
      '.exercises[] | select(.id == $e) | .tests[] | select(.id == $t)
       | {test_id: .id, name, status, timeline}' "$work/$source.json" > "$here/$source-$exercise-$test.json"
    echo "$source-$exercise-$test.json: $(jq -r '.status' "$here/$source-$exercise-$test.json"), \
$(jq '.timeline | length' "$here/$source-$exercise-$test.json") timeline items"
  done
done
