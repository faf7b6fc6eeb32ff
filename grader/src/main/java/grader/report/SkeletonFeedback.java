package grader.report;

import grader.scorecard.ExerciseResult;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The feedback an untouched skeleton gets: every test of the exercise throws the skeleton's TODO,
 * and saying so once per exercise (with the tests listed below it) reads better than the same trace
 * under every test. A test counts when its message's hint is the suites' skeleton hint.
 *
 * @param trace the observed exception and the hint, as the first such test put them
 * @param testIds the tests whose feedback this replaces
 */
record SkeletonFeedback(String trace, Set<String> testIds) {
  /** The start of the hint the suites give for the skeleton's {@code UnsupportedOperationException("TODO")}. */
  static final String SKELETON_HINT = "Hint: this is still the skeleton";

  /** The shared feedback, if at least two tests of {@code exercise} failed on the skeleton. */
  static Optional<SkeletonFeedback> of(ExerciseResult exercise) {
    List<TestResult> skeletal = exercise.tests().stream()
        .filter(t -> t.status() != TestStatus.PASSED && t.message() != null && t.message().contains(SKELETON_HINT))
        .toList();
    if (skeletal.size() < 2) {
      return Optional.empty();
    }
    String trace = skeletal.get(0).message().lines()
        .filter(line -> line.startsWith("Observed: ") || line.startsWith("Hint: "))
        .collect(Collectors.joining("\n"));
    return Optional.of(new SkeletonFeedback(trace,
        skeletal.stream().map(TestResult::id).collect(Collectors.toUnmodifiableSet())));
  }

  String heading() {
    return "Not implemented yet: the " + testIds.size() + " tests marked below threw the skeleton's TODO:";
  }
}
