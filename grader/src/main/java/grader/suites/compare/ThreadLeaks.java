package grader.suites.compare;

import grader.suites.support.StudentCode;
import grader.suites.support.Waits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Finds the non-daemon threads a call started and left running: the threads alive now that were
 * not alive before (by identity: thread ids are never reused while a thread lives), minus the
 * grader's own, which are told apart by the code they run ({@link #isGraders}), not by their names.
 */
final class ThreadLeaks {
  private ThreadLeaks() {}

  static Thread[] liveThreads() {
    return Thread.getAllStackTraces().keySet().toArray(new Thread[0]);
  }

  /**
   * Polls until no thread started since {@code before} is left, or {@code patience} has passed;
   * returns what is left then. Polls on the calling thread: a polling thread of its own would be new.
   */
  static Map<Thread, StackTraceElement[]> awaitNoneLeftSince(Set<Long> before, Duration patience) {
    try {
      Waits.await("threads started by the call have ended")
          .dontCatchUncaughtExceptions()
          .atMost(patience)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> leftSince(before).isEmpty());
    } catch (ConditionTimeoutException e) {
      // The caller reports what is left.
    }
    return leftSince(before);
  }

  private static Map<Thread, StackTraceElement[]> leftSince(Set<Long> before) {
    StudentCode student = StudentCode.ofSubmission();
    Map<Thread, StackTraceElement[]> left = new LinkedHashMap<>();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (!before.contains(thread.getId()) && thread.isAlive() && !thread.isDaemon()
          && thread != Thread.currentThread() && !isGraders(stack, student)) {
        left.put(thread, stack);
      }
    });
    return left;
  }

  /**
   * Threads of the in-process server (Jetty's pool grows on demand while the student's code sends
   * requests) and of JUnit. Judged by the code the thread runs, never by its name, which the
   * student's code chooses ("qtp-1" hides nothing): a thread is the grader's if some frame of its
   * stack is Jetty's, WireMock's or JUnit's, and no frame is the student's. A frame's class is the
   * library's only if the submission has no class of that name; the student's code cannot reach
   * these libraries (they are not on its API), so its own pool threads never run their code.
   */
  static boolean isGraders(StackTraceElement[] stack, StudentCode student) {
    boolean library = false;
    for (StackTraceElement frame : stack) {
      String type = frame.getClassName();
      if (student.isStudentClass(type)) {
        return false;
      }
      library |= type.startsWith("org.eclipse.jetty.") || type.startsWith("com.github.tomakehurst.wiremock.")
          || type.startsWith("org.junit.");
    }
    return library;
  }

  /** "name (STATE) at frame" for each thread, for feedback. */
  static String describe(Map<Thread, StackTraceElement[]> threads) {
    return threads.entrySet().stream()
        .map(e -> "\"" + e.getKey().getName() + "\" (" + e.getKey().getState() + ")"
            + (e.getValue().length > 0 ? " at " + e.getValue()[0] : ""))
        .collect(Collectors.joining("; "));
  }
}
