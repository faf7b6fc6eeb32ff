package grader.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One exercise: its id, the title students read, the package of its graded suite, the contract
 * classes a submission must provide, and the points of each test in report order.
 *
 * @param heldBackPoints points of hidden tests left out of this rubric (a student bundle's rubric,
 *     written by {@code make dist}); null in the instructor's rubric, which lists every test
 */
public record ExerciseRubric(
    String id, String title, String suite, List<String> classes, List<TestPoints> tests, BigDecimal heldBackPoints) {
  public ExerciseRubric {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(suite, "suite must not be null");
    classes = List.copyOf(classes);
    tests = List.copyOf(tests);
    if (heldBackPoints != null && heldBackPoints.signum() <= 0) {
      throw new IllegalArgumentException("held-back points of exercise '" + id + "' must be positive or null, was "
          + heldBackPoints);
    }
  }

  /** An exercise whose rubric lists every test. */
  public ExerciseRubric(String id, String title, String suite, List<String> classes, List<TestPoints> tests) {
    this(id, title, suite, classes, tests, null);
  }

  public BigDecimal maxScore() {
    return tests.stream().map(TestPoints::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
