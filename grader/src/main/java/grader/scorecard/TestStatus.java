package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of one graded test. Only {@link #PASSED} earns points. */
public enum TestStatus {
  PASSED,
  FAILED,
  TIMED_OUT,
  ERROR,
  NOT_RUN;

  @JsonValue
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
