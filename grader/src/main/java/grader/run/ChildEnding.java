package grader.run;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How one harness JVM ended: by itself (exit status) or killed by the parent, and why.
 *
 * @param exitStatus the status the process ended with, if it ended (a killed one reports 137)
 * @param elapsedMillis how long this JVM ran
 * @param stderrTail the last lines the JVM printed on standard error
 * @param stdoutTail the same for standard output, where the JVM reports some fatal errors
 * @param limitsHit sandbox limits the run ran into, each as a sentence
 */
record ChildEnding(
    Cause cause, OptionalInt exitStatus, long elapsedMillis, String stderrTail, String stdoutTail, List<String> limitsHit) {

  /** Why the JVM stopped. */
  enum Cause {
    /** It ended by itself: System.exit, Runtime.halt, a crash, or the harness finishing. */
    EXITED,
    /** The harness reported that it had finished (its sealed done event); the parent stopped it then. */
    FINISHED,
    /** The exercise's wall-clock limit ran out. */
    DEADLINE,
    /** A test ran far past its timeout and the JVM stopped reporting. */
    WATCHDOG,
    /** Standard output and error together grew beyond the limit. */
    OUTPUT_LIMIT,
    /** The results file grew beyond what the harness could ever write. */
    RESULTS_LIMIT
  }

  ChildEnding {
    Objects.requireNonNull(cause, "cause must not be null");
    Objects.requireNonNull(exitStatus, "exitStatus must not be null");
    stderrTail = stderrTail == null ? "" : stderrTail;
    stdoutTail = stdoutTail == null ? "" : stdoutTail;
    limitsHit = List.copyOf(limitsHit);
  }
}
