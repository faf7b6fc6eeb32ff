package grader.child;

import grader.protocol.ReportedStatus;
import grader.suites.support.StudentCode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Turns what a test threw into a status and a message for the student. Assertion failures carry the
 * suite's own feedback and are shown as they are; exceptions from the student's code point at the
 * first frame in their code (as Ares does) with the stack trimmed to their frames; a JUnit timeout
 * gets a thread dump of the student's threads.
 */
final class FailureFeedback {
  private static final int MAX_MESSAGE_CHARS = 8 * 1024;
  private static final int MAX_CAUSES = 4;
  private static final int MAX_FRAMES = 5;
  private static final String AWAITILITY_TIMEOUT = "org.awaitility.core.ConditionTimeoutException";

  /** A verdict on one throwable. */
  record Verdict(ReportedStatus status, String message) {
    Verdict {
      Objects.requireNonNull(status, "status must not be null");
    }
  }

  private final StudentCode student;
  private final Supplier<String> stuckThreads;

  /**
   * @param student tells the student's frames apart; null if the classes directory is unknown
   * @param stuckThreads describes the student's threads at the moment a timeout is reported
   */
  FailureFeedback(StudentCode student, Supplier<String> stuckThreads) {
    this.student = student;
    this.stuckThreads = stuckThreads;
  }

  static boolean isJUnitTimeout(Throwable failure) {
    return failure instanceof TimeoutException
        && failure.getMessage() != null
        && failure.getMessage().contains("timed out after");
  }

  Verdict judge(Throwable failure, long timeoutMs) {
    if (isJUnitTimeout(failure)) {
      return new Verdict(ReportedStatus.TIMED_OUT, timedOut(timeoutMs, "it was still running"));
    }
    if (failure instanceof AssertionError || failure.getClass().getName().equals(AWAITILITY_TIMEOUT)) {
      String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
      String cause = failure.getCause() == null ? "" : "\n" + causeChain(failure.getCause(), "Caused by: ");
      return new Verdict(ReportedStatus.FAILED, cap(message + cause));
    }
    return new Verdict(ReportedStatus.ERROR, cap(unexpected(failure)));
  }

  /** The message of a test that ran past its timeout; {@code observed} says how we know. */
  String timedOut(long timeoutMs, String observed) {
    String seconds = seconds(timeoutMs);
    return cap("Expected: the test to finish within " + seconds + ".\n"
        + "Observed: " + observed + " after " + seconds + ". " + stuckThreads.get() + "\n"
        + "Hint: look for a loop that never ends, a join(), get() or await() that waits for something that"
        + " never happens, or two locks taken in different orders.");
  }

  /** The message of a test stopped early because its threads deadlocked ({@link DeadlockWatch}). */
  String deadlocked(long timeoutMs) {
    return cap("Expected: the test to finish within " + seconds(timeoutMs) + ".\n"
        + "Observed: threads of your code were deadlocked (each waits for a lock another one holds), so the test"
        + " could never finish; it was stopped as soon as that was certain instead of at its timeout. "
        + stuckThreads.get() + "\n"
        + "Hint: take locks in one fixed order everywhere, or hold one lock at a time.");
  }

  private String unexpected(Throwable failure) {
    Throwable studentFailure = firstWithStudentFrame(failure);
    if (studentFailure != null) {
      return "Your code threw " + headline(studentFailure) + "\n" + frames(studentFailure, true)
          + (studentFailure.getCause() == null ? "" : "\n" + causeChain(studentFailure.getCause(), "Caused by: "));
    }
    return "The test failed with " + headline(failure) + "\n" + frames(failure, false)
        + (failure.getCause() == null ? "" : "\n" + causeChain(failure.getCause(), "Caused by: "));
  }

  /** The outermost throwable in the cause chain that was thrown from (or through) the student's code. */
  private Throwable firstWithStudentFrame(Throwable failure) {
    if (student == null) {
      return null;
    }
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (student.runsStudentCode(t.getStackTrace())) {
        return t;
      }
    }
    return null;
  }

  private String causeChain(Throwable cause, String prefix) {
    List<String> lines = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    int depth = 0;
    for (Throwable t = cause; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (depth++ == MAX_CAUSES) {
        lines.add("  ...");
        break;
      }
      lines.add(prefix + headline(t));
      List<StackTraceElement> own = student == null ? List.of() : student.studentFrames(t.getStackTrace());
      if (!own.isEmpty()) {
        lines.add(frames(t, true));
      }
    }
    return String.join("\n", lines);
  }

  private String frames(Throwable t, boolean studentOnly) {
    List<String> lines = new ArrayList<>();
    List<StackTraceElement> shown = new ArrayList<>();
    for (StackTraceElement frame : t.getStackTrace()) {
      boolean own = student != null && student.isStudentFrame(frame);
      if (studentOnly ? own : !isMachinery(frame)) {
        shown.add(frame);
      }
    }
    for (int i = 0; i < Math.min(MAX_FRAMES, shown.size()); i++) {
      lines.add("    at " + frame(shown.get(i)) + (i == 0 && studentOnly ? "   <- first line in your code" : ""));
    }
    if (shown.size() > MAX_FRAMES) {
      lines.add("    ... " + (shown.size() - MAX_FRAMES) + " more");
    }
    return String.join("\n", lines);
  }

  /** A frame as students know it from stack traces, without the class loader and module prefix. */
  static String frame(StackTraceElement frame) {
    String file = frame.getFileName() == null ? "Unknown Source"
        : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
    return frame.getClassName() + "." + frame.getMethodName() + "(" + (frame.isNativeMethod() ? "Native Method" : file) + ")";
  }

  private static boolean isMachinery(StackTraceElement frame) {
    String name = frame.getClassName();
    return name.startsWith("org.junit.") || name.startsWith("jdk.internal.") || name.startsWith("java.lang.reflect.")
        || name.startsWith("sun.reflect.") || name.startsWith("grader.child.");
  }

  private static String headline(Throwable t) {
    return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  static String cap(String text) {
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "\n[... message shortened]";
  }
}
