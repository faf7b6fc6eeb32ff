package grader.scorecard;

import java.math.BigDecimal;
import java.util.List;

/**
 * One exercise of a scorecard. {@code message} says, in the student's words, why an exercise that
 * is not {@link ExerciseStatus#GRADED} could not be graded normally; {@code diagnostics} carries the
 * compiler's findings.
 */
public record ExerciseResult(
    String id,
    String title,
    BigDecimal score,
    BigDecimal maxScore,
    ExerciseStatus status,
    String message,
    List<Diagnostic> diagnostics,
    List<TestResult> tests) {

  public ExerciseResult {
    diagnostics = List.copyOf(diagnostics);
    tests = List.copyOf(tests);
  }
}
