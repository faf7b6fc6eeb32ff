package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One exercise of a scorecard. {@code message} says, in the student's words, why an exercise that
 * is not {@link ExerciseStatus#GRADED} could not be graded normally; {@code diagnostics} carries the
 * compiler's findings.
 *
 * @param heldBackPoints points of this exercise's hidden tests, which the grader that wrote this
 *     scorecard (a student's bundle) does not have; null when every test was graded
 */
public record ExerciseResult(
    String id,
    String title,
    BigDecimal score,
    BigDecimal maxScore,
    ExerciseStatus status,
    String message,
    List<Diagnostic> diagnostics,
    List<TestResult> tests,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal heldBackPoints) {

  public ExerciseResult {
    diagnostics = List.copyOf(diagnostics);
    tests = List.copyOf(tests);
    if (heldBackPoints != null && heldBackPoints.signum() <= 0) {
      throw new IllegalArgumentException("held-back points of exercise '" + id + "' must be positive or null, was "
          + heldBackPoints);
    }
  }

  /** An exercise whose every test was graded. */
  public ExerciseResult(
      String id,
      String title,
      BigDecimal score,
      BigDecimal maxScore,
      ExerciseStatus status,
      String message,
      List<Diagnostic> diagnostics,
      List<TestResult> tests) {
    this(id, title, score, maxScore, status, message, diagnostics, tests, null);
  }
}
