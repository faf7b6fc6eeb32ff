package grader.run;

import grader.sandbox.ResourceLimits;
import java.util.Locale;
import java.util.Map;

/**
 * Words for the student when a JVM ends in the middle of things: what happened, during which test,
 * with the numbers (limits, status, seconds) and a hint. Pure functions of the ending, so the wording
 * is unit-tested.
 */
final class CrashReport {
  private static final String OOM = "java.lang.OutOfMemoryError";
  private static final String FATAL = "A fatal error has been detected by the Java Runtime Environment";
  private static final Map<Integer, String> SIGNALS = Map.of(
      1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
      9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

  private final ResourceLimits limits;
  private final RunPolicy policy;

  CrashReport(ResourceLimits limits, RunPolicy policy) {
    this.limits = limits;
    this.policy = policy;
  }

  /** The message of the test that was running when the JVM ended. */
  String duringTest(String testName, long timeoutMs, ChildEnding ending) {
    String during = " during '" + testName + "'";
    String text;
    switch (ending.cause()) {
      case DEADLINE:
        text = "The JVM was killed after " + seconds(ending.elapsedMillis()) + during
            + ": the exercise's time limit of " + seconds(limits.wallClock().toMillis()) + " ran out before your code"
            + " finished.\nHint: look for a loop that never ends, or a join(), get() or waitFor() that waits for"
            + " something that never happens.";
        break;
      case WATCHDOG:
        text = "The JVM was killed" + during + ": the test did not finish within its timeout of "
            + seconds(timeoutMs) + ", and the JVM stopped responding for another "
            + seconds(policy.watchdogGrace().toMillis()) + ", so no thread dump could be taken.\nHint: look for a"
            + " loop that never ends, or one that allocates memory without end.";
        break;
      case OUTPUT_LIMIT:
        text = "Your program printed more than " + megabytes(limits.maxOutputBytes()) + during
            + ", so the grader stopped it.\nHint: do not print inside loops that run many times; print a summary.";
        break;
      case RESULTS_LIMIT:
        text = "Something wrote far more than the grader ever does into the grader's results file" + during
            + ", so the grader stopped the JVM. Only results sealed by the grader count.";
        break;
      default:
        text = exited(ending) + during + exitHint(ending);
    }
    return text + details(ending);
  }

  /** The message of tests that could not run because the JVM ended before any test started. */
  String beforeAnyTest(ChildEnding ending) {
    String text;
    switch (ending.cause()) {
      case DEADLINE:
        text = "The JVM was killed after " + seconds(ending.elapsedMillis()) + " before this test started: the"
            + " exercise's time limit of " + seconds(limits.wallClock().toMillis()) + " ran out.";
        break;
      case OUTPUT_LIMIT:
        text = "Your program printed more than " + megabytes(limits.maxOutputBytes())
            + " before this test started, so the grader stopped it.";
        break;
      case EXITED:
        text = exited(ending) + " before this test started" + exitHint(ending);
        break;
      default:
        text = "The JVM stopped before this test started.";
    }
    return text + details(ending);
  }

  /** The exercise's message when its JVM failed before it could even list the tests. */
  String atStartup(ChildEnding ending) {
    return "The grader's test JVM for this exercise stopped before it could run any test: "
        + lowerFirst(exited(ending)) + "." + details(ending);
  }

  static String notRunAfterRestarts(int restarts) {
    return "Not run: earlier tests ended the JVM, and the grader already started a fresh one " + restarts
        + (restarts == 1 ? " time" : " times") + " (the most it does for one exercise).";
  }

  String notRunAfterDeadline() {
    return "Not run: the exercise's time limit of " + seconds(limits.wallClock().toMillis())
        + " was used up by the tests before it.";
  }

  private String exited(ChildEnding ending) {
    if (ending.exitStatus().isEmpty()) {
      return "The JVM stopped";
    }
    int status = ending.exitStatus().getAsInt();
    String error = evidence(ending);
    if (error.contains(OOM)) {
      return "The JVM ran out of memory (" + oomLine(error) + "; every JVM may use " + limits.heapMegabytes()
          + " MB of heap)";
    }
    if (error.contains(FATAL)) {
      return "The JVM crashed with a fatal error in the Java runtime (status " + status + ")";
    }
    if (status > 128 && status < 160) {
      int signal = status - 128;
      return "The JVM was killed by signal " + signal + " (" + SIGNALS.getOrDefault(signal, "?") + ")";
    }
    return "The JVM exited with status " + status;
  }

  private static String exitHint(ChildEnding ending) {
    String error = evidence(ending);
    if (error.contains("unable to create native thread") || error.contains("unable to create new native thread")) {
      return ".\nHint: your code started more threads than the grader allows; reuse threads with a pool.";
    }
    if (error.contains(OOM)) {
      return ".\nHint: look for a collection that grows without end, or tasks created in a loop that never stops.";
    }
    if (error.contains(FATAL) || ending.exitStatus().isEmpty() || ending.exitStatus().getAsInt() > 128) {
      return ".";
    }
    return " (did your code call System.exit or Runtime.halt?).\nHint: return from your methods or throw an"
        + " exception instead; the grader's JVM must keep running to test your code.";
  }

  private String details(ChildEnding ending) {
    StringBuilder text = new StringBuilder();
    if (!ending.limitsHit().isEmpty()) {
      text.append("\nLimits reached: ").append(String.join("; ", ending.limitsHit()));
    }
    if (ending.cause() == ChildEnding.Cause.EXITED && !ending.stderrTail().isBlank()) {
      text.append("\nLast output on standard error:\n").append(ending.stderrTail());
    }
    return text.toString();
  }

  /** Where the JVM's own last words are: standard error, and for some fatal errors standard output. */
  private static String evidence(ChildEnding ending) {
    return ending.stderrTail() + "\n" + ending.stdoutTail();
  }

  private static String oomLine(String error) {
    for (String line : error.split("\n")) {
      int at = line.indexOf(OOM);
      if (at >= 0) {
        return line.substring(at).strip();
      }
    }
    return OOM;
  }

  static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MB"
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
