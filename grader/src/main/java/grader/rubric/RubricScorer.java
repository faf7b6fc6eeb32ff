package grader.rubric;

import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import grader.scorecard.TimelineItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns test outcomes into points: a test earns its rubric points only if it passed, and an
 * exercise's score is the exact sum of its tests' (BigDecimal, no rounding anywhere).
 */
public final class RubricScorer {
  private RubricScorer() {}

  public static BigDecimal pointsFor(TestPoints test, TestStatus status) {
    return status == TestStatus.PASSED ? test.points() : BigDecimal.ZERO;
  }

  /** One scored test. */
  public static TestResult score(
      TestPoints test,
      String name,
      TestStatus status,
      String message,
      long durationMs,
      Map<String, String> measurements,
      String output) {
    return score(test, name, status, message, durationMs, measurements, output, List.of());
  }

  /** One scored test with the timeline it recorded. */
  public static TestResult score(
      TestPoints test,
      String name,
      TestStatus status,
      String message,
      long durationMs,
      Map<String, String> measurements,
      String output,
      List<TimelineItem> timeline) {
    return new TestResult(test.id(), name, status, pointsFor(test, status), test.points(), message, durationMs,
        measurements, output, test.review(), timeline);
  }

  /** The exercise with its score summed over {@code tests} and its maximum from the rubric. */
  public static ExerciseResult total(
      ExerciseRubric exercise,
      ExerciseStatus status,
      String message,
      List<Diagnostic> diagnostics,
      List<TestResult> tests) {
    BigDecimal score = tests.stream().map(TestResult::score).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new ExerciseResult(exercise.id(), exercise.title(), score, exercise.maxScore(), status, message,
        diagnostics, tests, exercise.heldBackPoints());
  }
}
