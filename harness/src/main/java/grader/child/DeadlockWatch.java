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
 * {@code TIMED_WAITING} and gives up by itself), the same cycle is seen on end for a while, and at
 * least one of its threads was not deadlocked when the invocation started (threads an earlier,
 * finished test left deadlocked do not stop a later one).
 *
 * <p>How long depends on what the cycle waits for. A cycle of monitors only (every thread {@code
 * BLOCKED} in {@code synchronized}) can never end: entering a monitor cannot be interrupted or
 * timed out, and the monitors are held by the cycle's own threads. Seeing it in two looks {@link
 * #MONITOR_CONFIRM_NANOS} apart is enough. A cycle that waits for a {@code Lock} as well could be
 * broken by an interrupt from some other thread of the student's ({@code lockInterruptibly}), so
 * it must last {@link #CONFIRM_NANOS}, as long as any such rescue plausibly takes.
 */
final class DeadlockWatch {
  /** How long a cycle that waits for a {@code Lock} must be seen before the test is stopped. */
  static final long CONFIRM_NANOS = 1_000_000_000L;
  /** How long a cycle of monitors only must be seen: two looks, to be sure of what they saw. */
  static final long MONITOR_CONFIRM_NANOS = 100_000_000L;

  private final ThreadMXBean threads;
  private final LongSupplier nanoTime;
  private long invocation = -1;
  private Set<Long> baseline = Set.of();
  private Set<Long> candidate = Set.of();
  private long candidateSinceNanos;
  /** Whether every thread of {@link #candidate} is {@code BLOCKED} on a monitor. */
  private boolean candidateMonitorsOnly;

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
    baseline = permanentlyDeadlocked().threads();
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
    Cycle cycle = permanentlyDeadlocked();
    Set<Long> now = cycle.threads();
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
      candidateMonitorsOnly = cycle.monitorsOnly();
      return false;
    }
    // A cycle that waited for a Lock in any look keeps the longer confirmation.
    candidateMonitorsOnly &= cycle.monitorsOnly();
    return at - candidateSinceNanos >= (candidateMonitorsOnly ? MONITOR_CONFIRM_NANOS : CONFIRM_NANOS);
  }

  /** Deadlocked threads whose whole cycle waits without a time limit, and whether all of them wait for monitors. */
  private record Cycle(Set<Long> threads, boolean monitorsOnly) {
    static final Cycle NONE = new Cycle(Set.of(), false);
  }

  private Cycle permanentlyDeadlocked() {
    long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads()
        : threads.findMonitorDeadlockedThreads();
    if (ids == null) {
      return Cycle.NONE;
    }
    Set<Long> set = new HashSet<>();
    boolean monitorsOnly = true;
    for (ThreadInfo info : threads.getThreadInfo(ids)) {
      if (info == null) {
        return Cycle.NONE; // a thread of the cycle ended meanwhile: not a deadlock for good
      }
      Thread.State state = info.getThreadState();
      if (state != Thread.State.BLOCKED && state != Thread.State.WAITING) {
        return Cycle.NONE;
      }
      // BLOCKED is only ever entering (or re-entering after wait) a monitor; a Lock's waiter is WAITING.
      monitorsOnly &= state == Thread.State.BLOCKED;
      set.add(info.getThreadId());
    }
    return new Cycle(Set.copyOf(set), monitorsOnly);
  }
}
