package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.sandbox.ResourceLimits;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The words a student reads when the JVM ends in the middle of a test. */
class CrashReportTests {
  private final CrashReport report = new CrashReport(ResourceLimits.defaults(), RunPolicy.defaults());

  private static ChildEnding exited(int status, String stderr, String stdout) {
    return new ChildEnding(ChildEnding.Cause.EXITED, OptionalInt.of(status), 1234, stderr, stdout, List.of());
  }

  private static ChildEnding killed(ChildEnding.Cause cause, long elapsed) {
    return new ChildEnding(cause, OptionalInt.of(137), elapsed, "", "", List.of());
  }

  @Test
  void systemExit() {
    assertEquals("The JVM exited with status 0 during 'threads sleep at the same time' (did your code call"
        + " System.exit or Runtime.halt?).\nHint: return from your methods or throw an exception instead; the"
        + " grader's JVM must keep running to test your code.",
        report.duringTest("threads sleep at the same time", 60_000, exited(0, "", "")));
  }

  @Test
  void theLastWordsOnStandardErrorAreQuoted() {
    assertEquals("The JVM exited with status 2 during 'x' (did your code call System.exit or Runtime.halt?).\n"
        + "Hint: return from your methods or throw an exception instead; the grader's JVM must keep running to test"
        + " your code.\nLast output on standard error:\nworker failed: bad range",
        report.duringTest("x", 60_000, exited(2, "worker failed: bad range", "")));
  }

  @Test
  void outOfMemoryIsRecognisedOnStandardOutput() {
    String message = report.duringTest("sums squares", 60_000,
        exited(3, "", "Terminating due to java.lang.OutOfMemoryError: Java heap space"));
    assertEquals("The JVM ran out of memory (java.lang.OutOfMemoryError: Java heap space; every JVM may use 256 MB"
        + " of heap) during 'sums squares'.\nHint: look for a collection that grows without end, or tasks created in"
        + " a loop that never stops.", message);
  }

  @Test
  void tooManyThreads() {
    String message = report.duringTest("t", 60_000, exited(1, "[0.3s][warning][os,thread] Failed to start thread"
        + "\nException in thread \"main\" java.lang.OutOfMemoryError: unable to create native thread: possibly out"
        + " of memory or process/resource limits reached", ""));
    assertEquals(true, message.contains("your code started more threads than the grader allows"), message);
  }

  @Test
  void killedBySignal() {
    ChildEnding ending = new ChildEnding(ChildEnding.Cause.EXITED, OptionalInt.of(137), 10, "", "",
        List.of("the memory limit of 2048 MB for all processes of the run was reached"));
    assertEquals("The JVM was killed by signal 9 (SIGKILL) during 't'.\nLimits reached: the memory limit of 2048 MB"
        + " for all processes of the run was reached", report.duringTest("t", 60_000, ending));
  }

  @Test
  void theDeadline() {
    assertEquals("The JVM was killed after 180 s during 'downloads': the exercise's time limit of 180 s ran out"
        + " before your code finished.\nHint: look for a loop that never ends, or a join(), get() or waitFor() that"
        + " waits for something that never happens.",
        report.duringTest("downloads", 60_000, killed(ChildEnding.Cause.DEADLINE, 180_000)));
  }

  @Test
  void theWatchdog() {
    assertEquals("The JVM was killed during 't': the test did not finish within its timeout of 20 s, and the JVM"
        + " stopped responding for another 20 s, so no thread dump could be taken.\nHint: look for a loop that"
        + " never ends, or one that allocates memory without end.",
        report.duringTest("t", 20_000, killed(ChildEnding.Cause.WATCHDOG, 41_000)));
  }

  @Test
  void anOutputFlood() {
    assertEquals("Your program printed more than 8 MB during 't', so the grader stopped it.\nHint: do not print"
        + " inside loops that run many times; print a summary.",
        report.duringTest("t", 20_000, killed(ChildEnding.Cause.OUTPUT_LIMIT, 3_000)));
  }

  @Test
  void beforeAnyTestAndAtStartup() {
    assertEquals("The JVM exited with status 1 before this test started (did your code call System.exit or"
        + " Runtime.halt?).\nHint: return from your methods or throw an exception instead; the grader's JVM must keep"
        + " running to test your code.", report.beforeAnyTest(exited(1, "", "")));
    assertEquals("The grader's test JVM for this exercise stopped before it could run any test: the JVM exited with"
        + " status 1.\nLast output on standard error:\nUnrecognized VM option 'NoSuchOption'",
        report.atStartup(exited(1, "Unrecognized VM option 'NoSuchOption'", "")));
  }

  @Test
  void notRunMessagesSayWhy() {
    assertEquals("Not run: earlier tests ended the JVM, and the grader already started a fresh one 4 times (the most"
        + " it does for one exercise).", CrashReport.notRunAfterRestarts(4));
    assertEquals("Not run: the exercise's time limit of 180 s was used up by the tests before it.",
        report.notRunAfterDeadline());
  }

  @Test
  void numbers() {
    assertEquals("1.5 s", CrashReport.seconds(1500));
    assertEquals("2 s", CrashReport.seconds(2000));
    assertEquals("1 MB", CrashReport.megabytes(1024 * 1024));
    assertEquals("1.5 MB", CrashReport.megabytes(1536 * 1024));
  }
}
