package grader.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one graded test ended, as the child saw it. The parent decides what it is worth. */
public enum ReportedStatus {
  PASSED,
  /** An assertion of the suite failed: the student's code did something wrong. */
  FAILED,
  /** The test threw something other than an assertion: usually an exception from the student's code. */
  ERROR,
  /** JUnit's timeout (or the harness watchdog) ended the test. */
  TIMED_OUT,
  /** Disabled or aborted by an assumption: never earns points. */
  SKIPPED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ReportedStatus of(String id) {
    for (ReportedStatus status : values()) {
      if (status.id().equals(id)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown test status '" + id + "'");
  }
}
