package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One graded test. {@code message} is the feedback (expected, observed, hint); {@code measurements}
 * are the numbers the test observed; {@code output} is what the student's code printed during the
 * test, capped; {@code review} marks a test whose evidence a human should also read; {@code timeline}
 * is what a test that observes concurrency saw happen over time (at most {@link #MAX_TIMELINE}
 * entries, omitted from the JSON when empty).
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
    boolean review,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TimelineItem> timeline) {
  public static final int MAX_TIMELINE = 240;

  public TestResult {
    measurements = Map.copyOf(measurements);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    if (timeline.size() > MAX_TIMELINE) {
      throw new IllegalArgumentException("test '" + id + "' has " + timeline.size() + " timeline entries, at most "
          + MAX_TIMELINE + " are allowed");
    }
  }

  /** A test without a timeline. */
  public TestResult(String id, String name, TestStatus status, BigDecimal score, BigDecimal maxScore, String message,
      long durationMs, Map<String, String> measurements, String output, boolean review) {
    this(id, name, status, score, maxScore, message, durationMs, measurements, output, review, List.of());
  }
}
