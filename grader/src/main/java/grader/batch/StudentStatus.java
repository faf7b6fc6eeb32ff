package grader.batch;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where one student of a batch stands. */
public enum StudentStatus {
  /** Grading completed and wrote a scorecard (whatever the score, compile errors included). */
  GRADED,
  /** Grading could not produce a scorecard: the row says why; a rerun tries again. */
  ERROR,
  /** Not graded yet: an interrupted run, a shard not merged, or a student left out by --only. */
  PENDING;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
