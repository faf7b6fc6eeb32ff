package grader.batch;

/**
 * Hears what a batch is doing, for progress display. Calls arrive from the grading threads but
 * never concurrently: the batch serialises them.
 */
public interface BatchListener {
  /** A line worth showing once, e.g. an entry of the submissions folder that was skipped. */
  default void noted(String line) {}

  /** Grading is about to start: {@code total} students in this run (this shard). */
  default void started(int total, ShardSpec shard) {}

  default void studentStarted(String id) {}

  /**
   * A student is done: freshly graded ({@code reused} false), or kept from an earlier run because
   * nothing changed ({@code reused} true).
   */
  default void studentFinished(StudentOutcome outcome, boolean reused) {}

  default void finished(BatchResult result) {}

  /** A listener that ignores everything. */
  static BatchListener silent() {
    return new BatchListener() {};
  }
}
