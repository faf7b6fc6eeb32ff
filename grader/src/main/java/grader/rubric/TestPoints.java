package grader.rubric;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The points of one graded test; {@code review} asks a human to read the evidence as well, and
 * {@code visibility} says whether the student bundle carries the test at all.
 *
 * @param minDurationMs the shortest time the test can take when it passes, because a pass implies
 *     that the test itself waited that long, whatever the student's code does (the server delays a
 *     pass must include, an Awaitility {@code during}); 0 if there is none. Never a wait that only a
 *     correct solution makes: a wrong solution may pass such a test quickly, and that is no
 *     forgery. A pass reported faster than this cannot be true and earns nothing
 *     ({@code grader.run.ReportCheck}).
 */
public record TestPoints(String id, BigDecimal points, boolean review, long minDurationMs, Visibility visibility) {
  public TestPoints {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(visibility, "visibility must not be null");
    if (points == null || points.signum() < 0) {
      throw new IllegalArgumentException("points of test '" + id + "' must be a non-negative number, was " + points);
    }
    if (minDurationMs < 0) {
      throw new IllegalArgumentException("min_ms of test '" + id + "' must not be negative, was " + minDurationMs);
    }
  }

  /** A public test with no shortest pass. */
  public TestPoints(String id, BigDecimal points, boolean review) {
    this(id, points, review, 0, Visibility.PUBLIC);
  }

  /** A public test that cannot pass faster than {@code minDurationMs}. */
  public TestPoints(String id, BigDecimal points, boolean review, long minDurationMs) {
    this(id, points, review, minDurationMs, Visibility.PUBLIC);
  }

  /** A test with no shortest pass, public or hidden. */
  public TestPoints(String id, BigDecimal points, boolean review, Visibility visibility) {
    this(id, points, review, 0, visibility);
  }

  public boolean hidden() {
    return visibility == Visibility.HIDDEN;
  }
}
