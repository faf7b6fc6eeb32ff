package grader.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One exercise: its id, the title students read, the package of its graded suite, the contract
 * classes a submission must provide, and the points of each test in report order.
 */
public record ExerciseRubric(String id, String title, String suite, List<String> classes, List<TestPoints> tests) {
  public ExerciseRubric {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(title, "title must not be null");
    Objects.requireNonNull(suite, "suite must not be null");
    classes = List.copyOf(classes);
    tests = List.copyOf(tests);
  }

  public BigDecimal maxScore() {
    return tests.stream().map(TestPoints::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
