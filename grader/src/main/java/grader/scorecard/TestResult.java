package grader.scorecard;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One graded test. {@code message} is the feedback (expected, observed, hint); {@code measurements}
 * are the numbers the test observed; {@code output} is what the student's code printed during the
 * test, capped; {@code review} marks a test whose evidence a human should also read.
 */
public record TestResult(
    String id,
    String name,
    TestStatus status,
    BigDecimal score,
    BigDecimal maxScore,
    String message,
    long durationMs,
    Map<String, String> measurements,
    String output,
    boolean review) {

  public TestResult {
    measurements = Map.copyOf(measurements);
  }
}
