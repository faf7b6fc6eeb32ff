package grader.child;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class DeadlockWatchTests {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final DeadlockWatch watch = new DeadlockWatch(ManagementFactory.getThreadMXBean(), clock::get);

  @Test
  void aMonitorDeadlockOfTheRunningInvocationCountsOnASecondLookAMomentLater() throws Exception {
    watch.invocationStarted(7); // nothing deadlocked yet
    Object a = new Object();
    Object b = new Object();
    deadlock(a, b);
    assertFalse(watch.deadlocked(7), "first sight of the cycle");
    clock.addAndGet(DeadlockWatch.MONITOR_CONFIRM_NANOS / 2);
    assertFalse(watch.deadlocked(7), "too soon after the first");
    clock.addAndGet(DeadlockWatch.MONITOR_CONFIRM_NANOS / 2);
    assertTrue(watch.deadlocked(7), "a second look, far enough from the first");
  }

  @Test
  void aDeadlockOnLocksCountsOnlyOnceItLastedASecond() throws Exception {
    watch.invocationStarted(11);
    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    CountDownLatch both = new CountDownLatch(2);
    List<Thread> threads = new ArrayList<>();
    for (ReentrantLock[] order : new ReentrantLock[][] {{a, b}, {b, a}}) {
      Thread thread = new Thread(() -> {
        order[0].lock();
        try {
          both.countDown();
          both.await();
          // No time limit, so WAITING; but another thread's interrupt ends it, as the finally below does.
          order[1].lockInterruptibly();
        } catch (InterruptedException e) {
          // rescued
        } finally {
          order[0].unlock();
        }
      });
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    try {
      while (!a.hasQueuedThreads() || !b.hasQueuedThreads()
          || threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
        Thread.sleep(10);
      }
      assertFalse(watch.deadlocked(11), "first sight of the cycle");
      clock.addAndGet(DeadlockWatch.MONITOR_CONFIRM_NANOS);
      assertFalse(watch.deadlocked(11), "another thread could still interrupt a Lock's waiter");
      clock.addAndGet(DeadlockWatch.CONFIRM_NANOS - DeadlockWatch.MONITOR_CONFIRM_NANOS);
      assertTrue(watch.deadlocked(11), "a second later");
    } finally {
      for (Thread thread : threads) {
        thread.interrupt();
        thread.join();
      }
    }
  }

  @Test
  void aDeadlockLeftByAnEarlierTestDoesNotStopTheNextOne() throws Exception {
    deadlock(new Object(), new Object());
    watch.invocationStarted(8); // the baseline: the cycle was there when the invocation started
    clock.addAndGet(3 * DeadlockWatch.CONFIRM_NANOS);
    assertFalse(watch.deadlocked(8));
    clock.addAndGet(3 * DeadlockWatch.CONFIRM_NANOS);
    assertFalse(watch.deadlocked(8));
  }

  @Test
  void locksWaitedForWithATimeLimitDoNotCount() throws Exception {
    watch.invocationStarted(9);
    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    CountDownLatch both = new CountDownLatch(2);
    CountDownLatch waiting = new CountDownLatch(2);
    for (ReentrantLock[] order : new ReentrantLock[][] {{a, b}, {b, a}}) {
      Thread thread = new Thread(() -> {
        order[0].lock();
        both.countDown();
        try {
          both.await();
          waiting.countDown();
          order[1].tryLock(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
          // the JVM ends
        }
      });
      thread.setDaemon(true);
      thread.start();
    }
    waiting.await();
    Thread.sleep(200);
    assertFalse(watch.deadlocked(9));
    clock.addAndGet(3 * DeadlockWatch.CONFIRM_NANOS);
    assertFalse(watch.deadlocked(9));
  }

  @Test
  void anInvocationTheWatchWasNotToldOfCountsOnlyWhatDeadlocksAfterItsFirstLook() throws Exception {
    deadlock(new Object(), new Object());
    assertFalse(watch.deadlocked(10));
    clock.addAndGet(3 * DeadlockWatch.CONFIRM_NANOS);
    assertFalse(watch.deadlocked(10));
  }

  @Test
  void noRunningTestNeverCounts() throws Exception {
    deadlock(new Object(), new Object());
    assertFalse(watch.deadlocked(-1));
    clock.addAndGet(3 * DeadlockWatch.CONFIRM_NANOS);
    assertFalse(watch.deadlocked(-1));
  }

  /** Two daemon threads that take the two monitors in opposite orders; returns once both are blocked. */
  private static void deadlock(Object first, Object second) throws InterruptedException {
    CountDownLatch both = new CountDownLatch(2);
    Thread left = lockBoth(first, second, both);
    Thread right = lockBoth(second, first, both);
    while (left.getState() != Thread.State.BLOCKED || right.getState() != Thread.State.BLOCKED) {
      Thread.sleep(10);
    }
  }

  private static Thread lockBoth(Object first, Object second, CountDownLatch both) {
    Thread thread = new Thread(() -> {
      synchronized (first) {
        both.countDown();
        try {
          both.await();
        } catch (InterruptedException e) {
          return;
        }
        synchronized (second) {
          both.countDown();
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
