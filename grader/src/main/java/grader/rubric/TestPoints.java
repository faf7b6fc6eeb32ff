package grader.rubric;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The points of one graded test; {@code review} asks a human to read the evidence as well.
 *
 * @param minDurationMs the shortest time the test can take when it passes, because it waits that
 *     long on purpose (delays, sleeps it hands to the student's code); 0 if there is none. A pass
 *     reported faster than this cannot be true, and earns nothing ({@code grader.run.ReportCheck}).
 */
public record TestPoints(String id, BigDecimal points, boolean review, long minDurationMs) {
  public TestPoints {
    Objects.requireNonNull(id, "id must not be null");
    if (points == null || points.signum() < 0) {
      throw new IllegalArgumentException("points of test '" + id + "' must be a non-negative number, was " + points);
    }
    if (minDurationMs < 0) {
      throw new IllegalArgumentException("min_ms of test '" + id + "' must not be negative, was " + minDurationMs);
    }
  }

  public TestPoints(String id, BigDecimal points, boolean review) {
    this(id, points, review, 0);
  }
}
