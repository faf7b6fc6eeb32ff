#!/usr/bin/env bash
# The speed benchmark: each figure of the speed table, for the grader as it is now and for the
# grader at BASE (default 66a60cc, built once in a temporary worktree), measured side by side in
# the same run, interleaved, median of RUNS (default 5), with the ratio now/base.
#
# Wall time is the command's. CPU is counted by cgroup where the machine allows it: each measured
# command runs in a fresh cgroup v2 group of its own (under the hybrid's /sys/fs/cgroup/unified), whose
# cpu.stat usage_usec covers the grader, its compiler and every sandboxed JVM (the grader nests its
# per-run groups under its own group there, so they stay inside), and nothing else on the machine.
# Elsewhere (no writable cgroup2, or pure cgroup v2, where the grader's runs live under the top-level
# grader-sandbox group and would leave the measured group) it falls back to /proc/stat (user + nice +
# system + irq + softirq + steal of every core): then run it on an idle machine, because whatever
# else runs is counted too. The first line of output says which. (The grader's own getrusage
# misses everything that runs inside the sandbox, so it is no measure.)
#
# Usage: grader/bench/bench.sh [RUNS]   (env: BASE=<commit>, BATCH_RUNS=<n>, SKIP=<regex of measures>)
# Takes about 25 minutes with RUNS=5 (most of it the base's deadlock and batch runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

runs=${1:-5}
base=${BASE:-66a60cc}
batch_runs=${BATCH_RUNS:-$runs}
skip=${SKIP:-^$}
out=$repo/target/bench
mkdir -p "$out"
java_cmd=(java -XX:TieredStopAtLevel=1)

# --- the two graders -------------------------------------------------------------------------
make -s build
base_sha=$(git rev-parse --short "$base")
base_tree=$out/base-$base_sha
if [ ! -f "$base_tree/grader/target/grader.jar" ]; then
  echo "building the grader at $base_sha in $base_tree"
  rm -rf "$base_tree"
  git worktree add --force --detach "$base_tree" "$base_sha" >/dev/null
  (cd "$base_tree" && mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true -pl grader -am package)
fi
trees=("$repo" "$base_tree")
labels=(now base)

# --- the submissions -------------------------------------------------------------------------
subs=$out/submissions
rm -rf "$subs"
mkdir -p "$subs"
overlay() { # overlay <name> <fixture dir>: the solutions with a fixture's files laid over them
  mkdir -p "$subs/$1"
  cp -r "$repo/solutions/src" "$repo/solutions/REPORT.md" "$subs/$1/"
  (cd "$2" && find . -type f -path './src/*' -exec cp --parents {} "$subs/$1/" \;)
  if [ -f "$2/REPORT.md" ]; then cp "$2/REPORT.md" "$subs/$1/"; fi
}
overlay deadlock "$repo/grader/bench/fixtures/deadlock"
# 20 mixed submissions as a class hands them in: correct, untouched skeletons, and plausible mistakes.
batch=$subs/batch
mkdir -p "$batch"
for i in 1 2 3 4 5; do
  cp -r "$repo/solutions" "$batch/correct-$i"
  rm -rf "$batch/correct-$i/target" "$batch/correct-$i/pom.xml"
  mkdir -p "$batch/skeleton-$i"
  cp -r "$repo/exercises/src" "$repo/exercises/REPORT.md" "$batch/skeleton-$i/"
done
for fixture in threads-sequential-loop threads-join-in-start-loop processes-threads-instead \
    processes-read-in-start-loop async-join-each async-blocking-send compare-async-byte-array \
    compare-threads-single-thread compare-processes-wait-in-start-loop threads-no-join; do
  overlay "batch/$fixture" "$repo/grader/src/test/fixtures/bad/$fixture"
done

# --- measuring -------------------------------------------------------------------------------
busy_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
hz=$(getconf CLK_TCK)

# Where measured commands get a cgroup of their own, or empty for the /proc/stat fallback.
cgroup_parent=""
cpu_counting="system-wide (/proc/stat): other load on the machine is counted too"
# /proc/self/mounts ("cgroup2 /sys/fs/cgroup/unified cgroup2 rw ..."): mountinfo puts the options between.
if grep -q ' /sys/fs/cgroup/unified cgroup2 ' /proc/self/mounts 2>/dev/null \
    && [ -w /sys/fs/cgroup/unified ] && [ "$(sed -n 's/^0:://p' /proc/self/cgroup)" != "" ]; then
  own=$(sed -n 's/^0:://p' /proc/self/cgroup)
  probe=/sys/fs/cgroup/unified${own%/}/bench-probe-$$
  if mkdir "$probe" 2>/dev/null && [ -r "$probe/cpu.stat" ]; then
    cgroup_parent=/sys/fs/cgroup/unified${own%/}
    cpu_counting="by cgroup ($cgroup_parent/bench-*: cpu.stat usage_usec of the command and all it started)"
  fi
  rmdir "$probe" 2>/dev/null || true
fi

# measure <label> <tree> <cmd...>: runs the command in the tree, prints "<wall ms> <cpu ms>".
measure() {
  local label=$1 tree=$2 start end cpu0 cpu1 group
  shift 2
  if [ -n "$cgroup_parent" ]; then
    group=$cgroup_parent/bench-$$-$label-$RANDOM
    mkdir "$group"
    start=$(date +%s%3N)
    (echo "$BASHPID" >"$group/cgroup.procs" && cd "$tree" && "$@") >"$out/$label.log" 2>&1 || true
    end=$(date +%s%3N)
    echo "$((end - start)) $(awk '/^usage_usec/ {print int($2 / 1000)}' "$group/cpu.stat")"
    # Empty once every process of the command has ended (the grader leaves nothing running).
    rmdir "$group" 2>/dev/null || echo "bench: $group still holds processes" >&2
    return
  fi
  cpu0=$(busy_jiffies)
  start=$(date +%s%3N)
  (cd "$tree" && "$@") >"$out/$label.log" 2>&1 || true
  end=$(date +%s%3N)
  cpu1=$(busy_jiffies)
  echo "$((end - start)) $(( (cpu1 - cpu0) * 1000 / hz ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

declare -A wall cpu
# figure <name> <times> <cmd...>: interleaves now and base, keeps the medians.
figure() {
  local name=$1 times=$2 i t result
  shift 2
  if [[ $name =~ $skip ]]; then return; fi
  : >"$out/wall-now" ; : >"$out/wall-base"; : >"$out/cpu-now"; : >"$out/cpu-base"
  for i in $(seq "$times"); do
    for t in 0 1; do
      result=$(measure "${labels[$t]}" "${trees[$t]}" "$@")
      echo "${result% *}" >>"$out/wall-${labels[$t]}"
      echo "${result#* }" >>"$out/cpu-${labels[$t]}"
    done
  done
  for t in now base; do
    wall[$name,$t]=$(median <"$out/wall-$t")
    cpu[$name,$t]=$(median <"$out/cpu-$t")
  done
  printf '  %-40s now %7.1f s %6.1f CPU-s   base %7.1f s %6.1f CPU-s   %s\n' "$name" \
    "$(bc -l <<<"${wall[$name,now]}/1000")" "$(bc -l <<<"${cpu[$name,now]}/1000")" \
    "$(bc -l <<<"${wall[$name,base]}/1000")" "$(bc -l <<<"${cpu[$name,base]}/1000")" \
    "$(grep -ho 'Total: .*' "$out/now.log" | tail -1 || true)"
}

grade=("${java_cmd[@]}" -jar grader/target/grader.jar)
echo "java: $(java -version 2>&1 | head -1) · cores: $(nproc) · load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "CPU counted $cpu_counting"
echo "now: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)') · base: $base_sha · median of $runs"
# Warm both (CDS archives, page cache) before anything counts.
measure warm-now "$repo" "${grade[@]}" check --dir solutions --exercise threads >/dev/null
measure warm-base "$base_tree" "${grade[@]}" check --dir solutions --exercise threads >/dev/null

figure "check DIR=solutions" "$runs" "${grade[@]}" check --dir solutions
for ex in threads processes async compare; do
  figure "check DIR=solutions EX=$ex" "$runs" "${grade[@]}" check --dir solutions --exercise "$ex"
done
figure "check (the skeleton)" "$runs" "${grade[@]}" check --dir exercises
figure "grade (threads deadlock in every test)" "$runs" "${grade[@]}" grade "$subs/deadlock" \
  --out "$out/deadlock.json"
figure "batch of 20 mixed, default jobs" "$batch_runs" bash -c \
  'rm -rf "$1" && exec "${@:2}" batch "$0" --out "$1"' "$batch" "$out/batch-out" "${grade[@]}"

echo
echo "| measure | base ($base_sha) | now | ratio now/base |"
echo "|---|---|---|---|"
for name in "check DIR=solutions" "check DIR=solutions EX=threads" "check DIR=solutions EX=processes" \
    "check DIR=solutions EX=async" "check DIR=solutions EX=compare" "check (the skeleton)" \
    "grade (threads deadlock in every test)" "batch of 20 mixed, default jobs"; do
  [ -n "${wall[$name,now]:-}" ] || continue
  printf '| %s, wall | %.1f s | %.1f s | %.2f |\n' "$name" "$(bc -l <<<"${wall[$name,base]}/1000")" \
    "$(bc -l <<<"${wall[$name,now]}/1000")" "$(bc -l <<<"${wall[$name,now]}/${wall[$name,base]}")"
done
if [ -n "${cpu[check DIR=solutions,now]:-}" ]; then
  printf '| CPU per full grading (sandbox included) | %.1f CPU-s | %.1f CPU-s | %.2f |\n' \
    "$(bc -l <<<"${cpu[check DIR=solutions,base]}/1000")" "$(bc -l <<<"${cpu[check DIR=solutions,now]}/1000")" \
    "$(bc -l <<<"${cpu[check DIR=solutions,now]}/${cpu[check DIR=solutions,base]}")"
fi
if [ -n "${wall[batch of 20 mixed, default jobs,now]:-}" ]; then
  for t in base now; do
    printf 'batch throughput %s: %.1f submissions a minute\n' "$t" \
      "$(bc -l <<<"20 * 60000 / ${wall[batch of 20 mixed, default jobs,$t]}")"
  done
fi
