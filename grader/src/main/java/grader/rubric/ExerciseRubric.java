package grader.rubric;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One exercise: its id, the title students read, the package of its graded suite, the contract
 * classes a submission must provide, and the points of each test in report order.
 *
 * @param heldBackPoints points of hidden tests left out of this rubric (a student bundle's rubric,
 *     written by {@code make dist}); null in the instructor's rubric, which lists every test
 * @param provided the contract classes handed to students ready-made (compare's {@code Downloader}):
 *     intake grades the grader's own copy of each, whatever the student sent
 * @param parts groups of the suite's classes (named as {@code grader.protocol.SuiteClassName} names
 *     them, each class in one group) that run in harness JVMs of their own at the same time, for a
 *     suite too long for one JVM; empty: the whole suite in one JVM
 */
public record ExerciseRubric(String id, String title, String suite, List<String> classes, List<TestPoints> tests,
    BigDecimal heldBackPoints, List<String> provided, List<List<String>> parts) {
  public ExerciseRubric {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(suite, "suite must not be null");
    classes = List.copyOf(classes);
    tests = List.copyOf(tests);
    provided = List.copyOf(provided);
    parts = parts.stream().map(List::copyOf).toList();
    Set<String> inParts = new HashSet<>();
    for (List<String> part : parts) {
      if (part.isEmpty()) {
        throw new IllegalArgumentException("a part of exercise '" + id + "' must name at least one suite class");
      }
      for (String name : part) {
        if (!inParts.add(name)) {
          throw new IllegalArgumentException("suite class " + name + " of exercise '" + id + "' is in two parts");
        }
      }
    }
    for (String name : provided) {
      if (!classes.contains(name)) {
        throw new IllegalArgumentException("provided class " + name + " of exercise '" + id
            + "' must be one of its contract classes " + classes);
      }
    }
    if (heldBackPoints != null && heldBackPoints.signum() <= 0) {
      throw new IllegalArgumentException("held-back points of exercise '" + id + "' must be positive or null, was "
          + heldBackPoints);
    }
  }

  /** An exercise whose suite runs in one JVM. */
  public ExerciseRubric(String id, String title, String suite, List<String> classes, List<TestPoints> tests,
      BigDecimal heldBackPoints, List<String> provided) {
    this(id, title, suite, classes, tests, heldBackPoints, provided, List.of());
  }

  /** An exercise whose rubric lists every test. */
  public ExerciseRubric(String id, String title, String suite, List<String> classes, List<TestPoints> tests) {
    this(id, title, suite, classes, tests, null, List.of());
  }

  /** An exercise that provides no class ready-made. */
  public ExerciseRubric(
      String id, String title, String suite, List<String> classes, List<TestPoints> tests, BigDecimal heldBackPoints) {
    this(id, title, suite, classes, tests, heldBackPoints, List.of());
  }

  public BigDecimal maxScore() {
    return tests.stream().map(TestPoints::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
