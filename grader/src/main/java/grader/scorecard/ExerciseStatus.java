package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an exercise could be graded, and if not, why. */
public enum ExerciseStatus {
  GRADED,
  COMPILE_ERROR,
  MISSING,
  CRASHED;

  @JsonValue
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
