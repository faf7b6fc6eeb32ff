package grader.suites.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Tells when nothing the student's code started can still act, so a wait for "what else will the
 * student's threads print" ends as soon as nothing can print any more instead of at its limit.
 *
 * <p>A live thread counts as possibly the student's unless it was alive before any student code ran
 * in this JVM (the JVM's own threads, the harness's, JUnit's), is the thread that asks, or is one
 * the asker names (a sampler of its own). Every thread the student's code starts, directly, through
 * an executor or through a pool it makes the JDK start, is a new thread and so counts; that holds
 * whatever its thread group (on JDK 25 the common pool's workers have one of their own). A thread
 * cannot print after it has ended, and one that was never started can only be started by a live
 * one, so once no such thread is alive, every line the student's code will ever print is there.
 *
 * <p>Threads of the grader's that start later and stay alive would only make waits run to their
 * limits, as before; they never make a wait end early.
 */
public final class StudentThreads {
  /** How often a wait looks again: lines arrive within this of being printed. */
  private static final Duration POLL = Duration.ofMillis(10);

  private final ThreadMXBean threads;
  private final Set<Long> beforeStudentCode;

  /** A watch that takes the threads alive now as never the student's (tests; suites use {@link #ofThisJvm}). */
  static StudentThreads startingNow() {
    return new StudentThreads(ManagementFactory.getThreadMXBean());
  }

  private StudentThreads(ThreadMXBean threads) {
    this.threads = threads;
    this.beforeStudentCode = ids(threads);
  }

  /** The threads alive when this JVM's suite was first constructed, before any test ran. */
  private static final class BeforeAnyTest {
    static final StudentThreads INSTANCE = new StudentThreads(ManagementFactory.getThreadMXBean());
  }

  /**
   * The watch for this JVM. Call it where the suite is constructed (a field initialiser), which JUnit
   * does before the first test runs and so before any student code: the threads alive then are
   * never the student's. The first call fixes them for the JVM's life.
   */
  public static StudentThreads ofThisJvm() {
    return BeforeAnyTest.INSTANCE;
  }

  /** Whether a thread that may be the student's is alive, other than the current one and {@code ignored}. */
  public boolean anyAlive(Collection<Long> ignored) {
    long self = Thread.currentThread().getId();
    for (long id : threads.getAllThreadIds()) {
      if (id != self && !beforeStudentCode.contains(id) && !ignored.contains(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits, on the current thread, until {@code done} holds, no thread that may be the student's is
   * alive (see {@link #anyAlive}), or {@code atMost} has passed, whichever comes first; an interrupt
   * (the test's timeout) ends it too, and stays set.
   *
   * @return whether it ended because no such thread was alive: then nothing printed later can come
   *     from the student's code, and what {@code done} watches is final
   */
  public boolean awaitEnd(Duration atMost, BooleanSupplier done, Collection<Long> ignored) {
    long end = System.nanoTime() + atMost.toNanos();
    while (true) {
      if (done.getAsBoolean() || Thread.currentThread().isInterrupted()) {
        return false;
      }
      if (!anyAlive(ignored)) {
        return true;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      LockSupport.parkNanos(Math.min(left, POLL.toNanos()));
    }
  }

  private static Set<Long> ids(ThreadMXBean threads) {
    Set<Long> ids = new HashSet<>();
    for (long id : threads.getAllThreadIds()) {
      ids.add(id);
    }
    return Set.copyOf(ids);
  }
}
