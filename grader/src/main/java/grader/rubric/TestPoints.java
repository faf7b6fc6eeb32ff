package grader.rubric;

import java.math.BigDecimal;
import java.util.Objects;

/** The points of one graded test; {@code review} asks a human to read the evidence as well. */
public record TestPoints(String id, BigDecimal points, boolean review) {
  public TestPoints {
    Objects.requireNonNull(id, "id must not be null");
    if (points == null || points.signum() < 0) {
      throw new IllegalArgumentException("points of test '" + id + "' must be a non-negative number, was " + points);
    }
  }
}
