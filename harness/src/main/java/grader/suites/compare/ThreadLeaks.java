package grader.suites.compare;

import grader.suites.support.StudentCode;
import grader.suites.support.Waits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Finds the non-daemon threads a call left running: threads alive after it that were not alive
 * before (by id: the JVM never reuses one), or that were alive before and ran during the call
 * (their CPU time grew: a pool kept in a static field and created by an earlier call), minus the
 * grader's own, which are told apart by the code they run ({@link #isGraders}), never by name.
 */
final class ThreadLeaks {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /**
   * The grader's code: WireMock (its standalone jar relocates Jetty and its other dependencies
   * under {@code wiremock.}), an unshaded Jetty, JUnit and the harness.
   */
  private static final List<String> LIBRARY_PACKAGES =
      List.of("wiremock.", "com.github.tomakehurst.wiremock.", "org.eclipse.jetty.", "org.junit.", "grader.");

  private ThreadLeaks() {}

  /** What a later {@link #awaitNoneLeftSince} compares with: each live thread's id and CPU time. */
  static Map<Long, Long> snapshot() {
    Map<Long, Long> cpu = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      cpu.put(thread.getId(), cpuNanos(thread));
    }
    return cpu;
  }

  /** The thread's CPU time, or -1 if the JVM does not measure it (then only new threads count). */
  private static long cpuNanos(Thread thread) {
    return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
        ? THREADS.getThreadCpuTime(thread.getId()) : -1;
  }

  /** Whether {@code thread} was not alive at {@code before}, or has run since. */
  private static boolean startedOrRanSince(Thread thread, Map<Long, Long> before) {
    Long then = before.get(thread.getId());
    if (then == null) {
      return true;
    }
    long now = cpuNanos(thread);
    return then >= 0 && now > then;
  }

  /**
   * Polls until no thread started since {@code before} is left, or {@code patience} has passed;
   * returns what is left then. Polls on the calling thread: a polling thread of its own would be new.
   */
  static Map<Thread, StackTraceElement[]> awaitNoneLeftSince(Map<Long, Long> before, Duration patience) {
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

  private static Map<Thread, StackTraceElement[]> leftSince(Map<Long, Long> before) {
    StudentCode student = StudentCode.ofSubmission();
    Map<Thread, StackTraceElement[]> left = new LinkedHashMap<>();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (thread.isAlive() && !thread.isDaemon() && thread != Thread.currentThread()
          && startedOrRanSince(thread, before) && !isGraders(stack, student)) {
        left.put(thread, stack);
      }
    });
    return left;
  }

  /**
   * Threads of the in-process server (Jetty's pool grows on demand while the student's code sends
   * requests), of JUnit and of the harness. Judged by the code the thread runs, never by its name,
   * which the student's code chooses ("qtp-1" hides nothing): a thread is the grader's if some
   * frame of its stack is Jetty's, WireMock's, JUnit's or the grader's, and no frame is the student's. A frame's class is the
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
      library |= LIBRARY_PACKAGES.stream().anyMatch(type::startsWith);
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
