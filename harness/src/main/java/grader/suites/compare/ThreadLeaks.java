package grader.suites.compare;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Finds the non-daemon threads a call started and left running: the threads alive now that were
 * not alive before, minus the grader's own (WireMock's Jetty pool grows on demand).
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
      Awaitility.await("threads started by the call have ended")
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
    Map<Thread, StackTraceElement[]> left = new LinkedHashMap<>();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (!before.contains(thread.getId()) && thread.isAlive() && !thread.isDaemon()
          && thread != Thread.currentThread() && !isGraders(thread, stack)) {
        left.put(thread, stack);
      }
    });
    return left;
  }

  /** Threads of the in-process server (Jetty, WireMock) and of JUnit itself. */
  private static boolean isGraders(Thread thread, StackTraceElement[] stack) {
    String name = thread.getName().toLowerCase(Locale.ROOT);
    if (name.startsWith("qtp") || name.startsWith("junit")) {
      return true;
    }
    return Stream.of(stack).map(StackTraceElement::getClassName)
        .anyMatch(c -> c.contains("jetty") || c.contains("wiremock") || c.startsWith("org.junit"));
  }

  /** "name (STATE) at frame" for each thread, for feedback. */
  static String describe(Map<Thread, StackTraceElement[]> threads) {
    return threads.entrySet().stream()
        .map(e -> "\"" + e.getKey().getName() + "\" (" + e.getKey().getState() + ")"
            + (e.getValue().length > 0 ? " at " + e.getValue()[0] : ""))
        .collect(Collectors.joining("; "));
  }
}
