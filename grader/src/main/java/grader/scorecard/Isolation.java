package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonValue;

/** How strongly the student's code was contained while it ran. */
public enum Isolation {
  /** Namespaces, a read-only file system and loopback-only network (see {@code grader.sandbox}). */
  BUBBLEWRAP,
  /** A plain child JVM with limits only: the fallback where bubblewrap cannot run. */
  PROCESS;

  @JsonValue
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
