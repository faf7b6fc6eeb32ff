package grader.child;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Tells the watchdog when the running test's threads are deadlocked for good, so the test is
 * stopped within about a second instead of at its timeout (a submission that deadlocks in every
 * test otherwise waits out every timeout).
 *
 * <p>Only a deadlock that cannot end counts: every thread of the cycle is {@code BLOCKED} entering
 * a monitor or {@code WAITING} without a time limit for a lock (a {@code tryLock} with a timeout is
 * {@code TIMED_WAITING} and gives up by itself), the same cycle is seen for {@link #CONFIRM_NANOS}
 * on end, and at least one of its threads was not deadlocked when the invocation started (threads
 * an earlier, finished test left deadlocked do not stop a later one). Such a cycle is ended only by
 * an interrupt, which nothing but the test's own timeout would send: the test could only time out.
 */
final class DeadlockWatch {
  /** How long a cycle must be seen before the test is stopped. */
  static final long CONFIRM_NANOS = 1_000_000_000L;

  private final ThreadMXBean threads;
  private final LongSupplier nanoTime;
  private long invocation = -1;
  private Set<Long> baseline = Set.of();
  private Set<Long> candidate = Set.of();
  private long candidateSinceNanos;

  DeadlockWatch(ThreadMXBean threads, LongSupplier nanoTime) {
    this.threads = threads;
    this.nanoTime = nanoTime;
  }

  /**
   * From JUnit's thread, before an invocation's code runs: what is deadlocked now was left by an
   * earlier test and does not count against this one.
   */
  synchronized void invocationStarted(long started) {
    invocation = started;
    baseline = permanentlyDeadlocked();
    candidate = Set.of();
  }

  /**
   * One look, from the watchdog thread.
   *
   * @param running the running invocation ({@link SuiteListener#runningInvocation()}), {@code -1} for none
   * @return whether that invocation's threads have been deadlocked for good long enough
   */
  synchronized boolean deadlocked(long running) {
    if (running < 0) {
      candidate = Set.of();
      return false;
    }
    Set<Long> now = permanentlyDeadlocked();
    if (running != invocation) {
      // Not told of its start: count only what is deadlocked from now on.
      invocation = running;
      baseline = now;
      candidate = Set.of();
      return false;
    }
    Set<Long> fresh = new HashSet<>(now);
    fresh.removeAll(baseline);
    if (fresh.isEmpty()) {
      candidate = Set.of();
      return false;
    }
    long at = nanoTime.getAsLong();
    if (!now.equals(candidate)) {
      candidate = now;
      candidateSinceNanos = at;
      return false;
    }
    return at - candidateSinceNanos >= CONFIRM_NANOS;
  }

  /** The ids of deadlocked threads whose whole cycle waits without a time limit. */
  private Set<Long> permanentlyDeadlocked() {
    long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads()
        : threads.findMonitorDeadlockedThreads();
    if (ids == null) {
      return Set.of();
    }
    Set<Long> set = new HashSet<>();
    for (ThreadInfo info : threads.getThreadInfo(ids)) {
      if (info == null) {
        return Set.of(); // a thread of the cycle ended meanwhile: not a deadlock for good
      }
      Thread.State state = info.getThreadState();
      if (state != Thread.State.BLOCKED && state != Thread.State.WAITING) {
        return Set.of();
      }
      set.add(info.getThreadId());
    }
    return set;
  }
}
