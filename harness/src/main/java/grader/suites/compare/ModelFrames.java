package grader.suites.compare;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of the three models' {@code downloadAll} is running at one moment, read from every thread's
 * stack.
 *
 * <p>A benchmark calls {@code downloadAll} on some thread and that call lasts until the download is
 * done, so while the server holds a request of a real run, the frame of its model's
 * {@code downloadAll} is on a stack: the benchmark's thread waits in it for a pool, a child JVM or
 * a future. A plain GET of the benchmark's own is inside no model's call. Only the method {@code
 * downloadAll} counts (in the model's class or a class nested in it), not the lambdas or helpers
 * it runs on other threads, so a pool thread that lingers a moment after its task has no say;
 * threads that were there before the benchmark began (a call an earlier test gave up on) are not
 * looked at.
 */
final class ModelFrames {
  private static final Map<String, String> CLASS_OF_MODEL = Map.of(
      "threads", "exercises.compare.ThreadDownloader",
      "processes", "exercises.compare.ProcessDownloader",
      "async", "exercises.compare.AsyncDownloader");

  private ModelFrames() {}

  /** The ids of the threads alive now: those a later {@link #running} is to pass over. */
  static Set<Long> threadsAliveNow() {
    Set<Long> ids = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      ids.add(thread.getId());
    }
    return ids;
  }

  /**
   * The models whose {@code downloadAll} is on the stack of a thread not in {@code ignored} now
   * (one consistent snapshot).
   */
  static Set<String> running(Set<Long> ignored) {
    Set<String> models = new TreeSet<>();
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      if (ignored.contains(entry.getKey().getId())) {
        continue;
      }
      for (StackTraceElement frame : entry.getValue()) {
        if (frame.getMethodName().equals("downloadAll")) {
          model(frame.getClassName()).ifPresent(models::add);
        }
      }
    }
    return models;
  }

  private static Optional<String> model(String className) {
    return CLASS_OF_MODEL.entrySet().stream()
        .filter(e -> className.equals(e.getValue()) || className.startsWith(e.getValue() + "$"))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
