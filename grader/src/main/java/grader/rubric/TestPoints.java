package grader.rubric;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The points of one graded test; {@code review} asks a human to read the evidence as well, and
 * {@code visibility} says whether the student bundle carries the test at all.
 */
public record TestPoints(String id, BigDecimal points, boolean review, Visibility visibility) {
  public TestPoints {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(visibility, "visibility must not be null");
    if (points == null || points.signum() < 0) {
      throw new IllegalArgumentException("points of test '" + id + "' must be a non-negative number, was " + points);
    }
  }

  /** A public test. */
  public TestPoints(String id, BigDecimal points, boolean review) {
    this(id, points, review, Visibility.PUBLIC);
  }

  public boolean hidden() {
    return visibility == Visibility.HIDDEN;
  }
}
