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
 * it runs on other threads, so a pool thread that lingers a moment after its task has no say.
 *
 * <p>A thread's model is that of its outermost such frame: a model that hands its work to another
 * model's {@code downloadAll} (a "process" downloader that runs the thread downloader) is still the
 * model the benchmark called. The thread that runs the benchmark decides when it is in a call;
 * only otherwise (a benchmark that runs each call on a thread of its own) are the other threads
 * asked, each for its model. Threads that were there before the benchmark began (a call an earlier
 * test gave up on) are never looked at.
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
   * The models whose {@code downloadAll} runs now (one consistent snapshot): the outermost one of
   * {@code benchmark}'s stack if it has one, else the outermost one of each other thread not in
   * {@code ignored}. A real run's request finds exactly one.
   */
  static Set<String> running(Thread benchmark, Set<Long> ignored) {
    Set<String> models = new TreeSet<>();
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      Thread thread = entry.getKey();
      if (thread == benchmark) {
        Optional<String> own = outermost(entry.getValue());
        if (own.isPresent()) {
          return Set.of(own.get());
        }
      } else if (!ignored.contains(thread.getId())) {
        outermost(entry.getValue()).ifPresent(models::add);
      }
    }
    return models;
  }

  /** The model of the outermost (last listed) downloadAll frame of {@code stack}, if any. */
  private static Optional<String> outermost(StackTraceElement[] stack) {
    for (int i = stack.length - 1; i >= 0; i--) {
      if (stack[i].getMethodName().equals("downloadAll")) {
        Optional<String> model = model(stack[i].getClassName());
        if (model.isPresent()) {
          return model;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> model(String className) {
    return CLASS_OF_MODEL.entrySet().stream()
        .filter(e -> className.equals(e.getValue()) || className.startsWith(e.getValue() + "$"))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
