# The front door. Every target is a thin wrapper around Maven or grader.jar; `make` lists them.

SHELL := bash
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

MVN ?= mvn -B -q
JAVA ?= java
# The grading JVM lives for one run and mostly waits for its children: C1 alone compiles javac's
# hot code soon enough and halves the CPU it burns (cold compile of a submission: ~1 s less under load).
JAVA_OPTS ?= -XX:TieredStopAtLevel=1
JAR := grader/target/grader.jar
GRADER := $(JAVA) $(JAVA_OPTS) -jar $(JAR)

# What grader.jar is built from. Deliberately not exercises/: students edit it all the time, and
# grading their edits must not rebuild the grader (make check then starts grading at once); the
# suites compile against solutions/, so a student's compile error never breaks the build.
GRADER_INPUTS := pom.xml grader/pom.xml protocol/pom.xml harness/pom.xml harness-hidden/pom.xml agent/pom.xml \
  solutions/pom.xml $(shell find solutions/src protocol/src/main agent/src/main harness/src/main harness-hidden/src/main grader/src/main -type f 2>/dev/null)

DIR ?= exercises
EX ?=
OUT ?=
JOBS ?=
N ?= 20
ALT ?=
ROUNDS ?= 1
RUNS ?= 5

# The student bundle and kit (docs/COURSE.md). The version is the project's, from the parent pom.
VERSION := $(shell sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
DIST_DIR := grader/target/dist
DIST_ZIP := $(DIST_DIR)/concurrency-grader-$(VERSION).zip
BUNDLE_URL ?=
GRADER_REPO ?= $(or $(shell git remote get-url origin 2>/dev/null | sed -nE 's#^(https://|git@)github\.com[:/]([^/]+/[^/.]+)(\.git)?$$#\2#p'),your-org/concurrency-grader)
GRADER_REF ?= $(shell git rev-parse HEAD 2>/dev/null)
REUSABLE_WORKFLOW := .github/workflows/grade-submission.yml

.PHONY: help build check grade batch test test-fast solutions bench stress stress-fixtures clean dist kit pin-workflow

help: ## list the targets
	@echo "Usage: make <target> [VARIABLE=value ...]"
	@echo
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /\1\t/' | \
	  while IFS=$$'\t' read -r target text; do printf '  %-16s %s\n' "$$target" "$$text"; done
	@echo
	@echo "Examples: make check EX=threads · make grade SUBMISSION=alice.zip OUT=alice.json"
	@echo "          make batch SUBMISSIONS=submissions OUT=grades"

build: $(JAR) ## build grader/target/grader.jar (only when its sources changed)

$(JAR): $(GRADER_INPUTS)
	$(MVN) -Dmaven.test.skip=true -pl grader -am package
	@touch $@

check: $(JAR) ## grade your exercises/ and show the report [EX=threads] [DIR=exercises]
	$(GRADER) check --dir $(DIR) $(if $(EX),--exercise $(EX))

grade: $(JAR) ## grade one submission: SUBMISSION=folder-or-zip OUT=scorecard.json
	@if [ -z "$(SUBMISSION)" ] || [ -z "$(OUT)" ]; then \
	  echo "usage: make grade SUBMISSION=<folder or .zip> OUT=<scorecard.json> [EX=threads]" >&2; exit 2; fi
	$(GRADER) grade "$(SUBMISSION)" --out "$(OUT)" $(if $(EX),--exercise $(EX))

batch: $(JAR) ## grade a folder of submissions: SUBMISSIONS=dir OUT=dir [JOBS=n] [EX=threads]
	@if [ -z "$(SUBMISSIONS)" ] || [ -z "$(OUT)" ]; then \
	  echo "usage: make batch SUBMISSIONS=<folder of folders or zips> OUT=<dir> [JOBS=n] [EX=threads]" >&2; exit 2; fi
	$(GRADER) batch "$(SUBMISSIONS)" --out "$(OUT)" $(if $(JOBS),--jobs $(JOBS)) $(if $(EX),--exercise $(EX))

test: ## run the project's own tests (unit and integration): mvn verify, what CI runs
	mvn -B verify

test-fast: ## mvn verify without the tests tagged "slow" (every fixture graded or compiled, whole batches)
	mvn -B verify -DexcludedGroups=slow

solutions: $(JAR) ## grade solutions/: fails unless full marks
	$(GRADER) grade solutions --out target/solutions/scorecard.json --require-full-marks

bench: $(JAR) ## the speed table, now and at BASE (66a60cc) side by side, median of RUNS (5), CPU system-wide
	grader/bench/bench.sh $(RUNS)

stress: $(JAR) ## grade the solutions N times (N=20), each alternative ALT times (N/4), every core busy
	grader/bench/stress.sh $(N) $(ALT)

stress-fixtures: $(JAR) ## grade every bad fixture ROUNDS times (1) with every core busy; each must fail exactly its tests
	grader/bench/stress-fixtures.sh $(ROUNDS)

dist: $(JAR) ## the student bundle: grader/target/dist/concurrency-grader-<version>.zip and .sha256 (reproducible)
	$(GRADER) dist --out $(DIST_DIR) --include kit/bundle/README.md $(if $(wildcard LICENSE),--include LICENSE)

kit: dist ## a student repository: OUT=dir [BUNDLE_URL=url] [GRADER_REPO=owner/name] [GRADER_REF=commit]
	@if [ -z "$(OUT)" ]; then \
	  echo "usage: make kit OUT=<new folder> [BUNDLE_URL=<url of the bundle zip>] [GRADER_REPO=<owner/name>] [GRADER_REF=<commit>]" >&2; exit 2; fi
	kit/make-kit.sh "$(OUT)" "$(DIST_ZIP)" "$(BUNDLE_URL)" "$(GRADER_REPO)" "$(GRADER_REF)"

pin-workflow: dist ## write the bundle's URL and sha256 into the reusable workflow: BUNDLE_URL=url
	@if [ -z "$(BUNDLE_URL)" ]; then echo "usage: make pin-workflow BUNDLE_URL=<where the bundle zip is published>" >&2; exit 2; fi
	sed -i.bak -E -e 's#^(      BUNDLE_URL: ).*#\1$(BUNDLE_URL)#' \
	  -e "s#^(      BUNDLE_SHA256: ).*#\1$$(cut -d' ' -f1 $(DIST_ZIP).sha256)#" $(REUSABLE_WORKFLOW) && rm -f $(REUSABLE_WORKFLOW).bak
	@grep -E '^      BUNDLE_(URL|SHA256):' $(REUSABLE_WORKFLOW)
	@echo "Commit and push $(REUSABLE_WORKFLOW), then: make kit OUT=<dir> GRADER_REF=<that commit>"

clean: ## remove build output and scorecards
	$(MVN) clean
	rm -rf target
