#!/usr/bin/env bash
# What recording timelines costs (docs/ENGINE.md, Speed), measured two ways on builds that differ
# from HEAD in one method only, Timeline.publish (each built once in target/bench/timeline/):
#  (a) timeline-cost.patch: the child times building and publishing each timeline (nanoTime around
#      it) and reports it as the measurement timeline_cost_us; one grading of solutions/, per test
#      and the sum;
#  (b) timeline-off.patch: no timeline is recorded; check --dir solutions with and without, interleaved,
#      median of RUNS (default 5), CPU by cgroup: bench.sh with that build as its BASE.
# Neither patch is ever part of the grader: they exist for this measurement only.
# Usage (a grading, so on a shared machine under heavy): grader/bench/timeline-overhead.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
out=$PWD/target/bench/timeline
mkdir -p "$out"
for variant in cost off; do
  tree=$out/$variant
  if [ ! -d "$tree" ]; then
    git worktree add --force --detach "$tree" HEAD >/dev/null
    git -C "$tree" apply "$PWD/grader/bench/timeline-$variant.patch"
    git -C "$tree" -c user.name=bench -c user.email=bench@localhost commit -q -am "measurement only: timeline-$variant.patch"
  fi
done

echo "(a) building and publishing each timeline, in the child (one grading of solutions/):"
(cd "$out/cost" && make -s build && java -XX:TieredStopAtLevel=1 -jar grader/target/grader.jar grade solutions \
  --out "$out/cost.json" >/dev/null)
jq -r '.exercises[] | .id as $e | .tests[] | .id as $t | .measurements | to_entries[]
  | select(.key | endswith("timeline_cost_us")) | "  \($e) \($t) \(.key | sub(":? ?timeline_cost_us$"; "")) \(.value) us"' \
  "$out/cost.json"
jq -r '[.exercises[].tests[].measurements | to_entries[] | select(.key | endswith("timeline_cost_us"))
  | .value | tonumber] | "  sum over the grading: \(add) us in \(length) timelines"' "$out/cost.json"

echo "(b) check --dir solutions with recording (now) and without (base = timeline-off.patch):"
BASE=$(git -C "$out/off" rev-parse HEAD) SKIP='EX=|skeleton|deadlock|batch' grader/bench/bench.sh "$runs"
