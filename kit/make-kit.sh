#!/usr/bin/env bash
# Writes a student kit: a ready-to-push repository laid out as a submission. Run by `make kit`.
# Usage: kit/make-kit.sh OUT BUNDLE_ZIP BUNDLE_URL GRADER_REPO GRADER_REF
# The kit holds the exercise skeletons (src/main/java, REPORT.md), the student guide as README.md,
# the Makefile and its helper, grader.lock (the bundle's version, URL and SHA-256), .gitignore and
# .github/workflows/grade.yml. Nothing of solutions/, of the grader's sources or of the fixtures.
set -euo pipefail

out=$1 zip=$2 url=$3 repo=$4 ref=$5
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "make kit: $out exists and is not empty; choose a new folder (a kit is written whole)" >&2
  exit 2
fi
if ! [[ $repo =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]]; then
  echo "make kit: GRADER_REPO must be <owner>/<name> of the repository holding the reusable workflow, was '$repo'" >&2
  exit 2
fi
if ! [[ $ref =~ ^[0-9a-f]{40}$ ]]; then
  echo "make kit: GRADER_REF must be a full 40-digit commit id (a workflow is pinned by commit), was '$ref'" >&2
  exit 2
fi
sha_file="$zip.sha256"
sha=$(cut -d' ' -f1 "$sha_file")
if ! [[ $sha =~ ^[0-9a-f]{64}$ ]]; then
  echo "make kit: $sha_file holds no SHA-256" >&2
  exit 1
fi
name=$(basename "$zip")
version=${name#concurrency-grader-}
version=${version%.zip}
url=${url:-https://github.com/$repo/releases/download/v$version/$name}

mkdir -p "$out/.github/workflows" "$out/tools"
cp -R "$root/exercises/src" "$out/src"
cp "$root/exercises/REPORT.md" "$out/REPORT.md"
cp "$root/exercises/README.md" "$out/README.md"
cp "$here/template/Makefile" "$out/Makefile"
cp "$here/template/gitignore" "$out/.gitignore"
cp "$here/template/tools/GraderKit.java" "$out/tools/GraderKit.java"
sed -e "s|@GRADER_REPO@|$repo|g" -e "s|@GRADER_REF@|$ref|g" "$here/template/grade.yml" > "$out/.github/workflows/grade.yml"
cat > "$out/grader.lock" <<LOCK
# The grader bundle that make check runs: fetched once, verified by its SHA-256 before anything
# from it runs. Written by the course's make kit; CI does not read this file (the course's
# workflow pins its own bundle), so changing it changes nothing but your own make check.
version=$version
url=$url
sha256=$sha
LOCK
echo "kit: wrote $out ($(find "$out" -type f | wc -l) files), bundle $version sha256 ${sha:0:12}, workflow $repo@${ref:0:12}"
