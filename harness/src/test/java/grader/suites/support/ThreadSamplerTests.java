package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The test classes play the student's code: threads sleeping in this class count as asleep. */
class ThreadSamplerTests {
  private final StudentCode code = StudentCode.in(testClasses());

  @Test
  void threadsSleepingTogetherInStudentCodeAreSeenTogether() throws Exception {
    List<Thread> sleepers = new ArrayList<>();
    CountDownLatch asleep = new CountDownLatch(4);
    try (ThreadSampler sampler = ThreadSampler.start(code, Set.of(), Duration.ofMillis(2))) {
      for (int i = 0; i < 4; i++) {
        Thread thread = new Thread(() -> {
          asleep.countDown();
          sleepQuietly(300);
        });
        thread.start();
        sleepers.add(thread);
      }
      asleep.await();
      for (Thread thread : sleepers) {
        thread.join();
      }
      List<Long> ids = sleepers.stream().map(Thread::getId).toList();
      assertEquals(4, sampler.maxAsleepTogether(ids));
      for (long id : ids) {
        assertTrue(sampler.firstSeenAsleep(id).isPresent());
      }
      assertTrue(sampler.sampleCount() > 10, "samples: " + sampler.sampleCount());
    }
  }

  @Test
  void sleepersOneAfterTheOtherAreNeverSeenTogether() throws Exception {
    List<Long> ids = new ArrayList<>();
    try (ThreadSampler sampler = ThreadSampler.start(code, Set.of(), Duration.ofMillis(2))) {
      for (int i = 0; i < 3; i++) {
        Thread thread = new Thread(() -> sleepQuietly(100));
        thread.start();
        thread.join();
        ids.add(thread.getId());
      }
      assertEquals(1, sampler.maxAsleepTogether(ids));
    }
  }

  @Test
  void threadsTakingTurnsUnderALockAreNotAsleepWhileTheyWaitForIt() throws Exception {
    // The attack: sleeps serialised by a lock, the others waiting in tryLock(timeout), wait(ms),
    // parkNanos, join(ms) or poll(timeout): all TIMED_WAITING with a frame of this class below.
    java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    Object monitor = new Object();
    java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.LinkedBlockingQueue<>();
    Thread sleeper = new Thread(() -> {
      lock.lock();
      try {
        sleepQuietly(400);
      } finally {
        lock.unlock();
      }
    });
    List<Runnable> waits = List.of(
        () -> {
          try {
            if (lock.tryLock(2, java.util.concurrent.TimeUnit.SECONDS)) {
              lock.unlock();
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        () -> {
          synchronized (monitor) {
            try {
              monitor.wait(300);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        },
        () -> java.util.concurrent.locks.LockSupport.parkNanos(300_000_000L),
        () -> {
          try {
            sleeper.join(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        () -> {
          try {
            queue.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try (ThreadSampler sampler = ThreadSampler.start(code, Set.of(), Duration.ofMillis(2))) {
      sleeper.start();
      while (!lock.isLocked()) {
        Thread.onSpinWait();
      }
      List<Thread> waiters = new ArrayList<>();
      for (Runnable wait : waits) {
        Thread waiter = new Thread(wait);
        waiter.start();
        waiters.add(waiter);
      }
      sleeper.join();
      for (Thread waiter : waiters) {
        waiter.join();
      }
      assertTrue(sampler.firstSeenAsleep(sleeper.getId()).isPresent(), "the sleeper is seen asleep");
      for (Thread waiter : waiters) {
        assertTrue(sampler.firstSeenAsleep(waiter.getId()).isEmpty(), "a timed wait is not a sleep");
      }
      List<Long> all = new ArrayList<>(waiters.stream().map(Thread::getId).toList());
      all.add(sleeper.getId());
      assertEquals(1, sampler.maxAsleepTogether(all));
    }
  }

  @Test
  void timeUnitSleepCountsAsASleep() throws Exception {
    try (ThreadSampler sampler = ThreadSampler.start(code, Set.of(), Duration.ofMillis(2))) {
      Thread thread = new Thread(() -> {
        try {
          java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.start();
      thread.join();
      assertTrue(sampler.firstSeenAsleep(thread.getId()).isPresent());
    }
  }

  @Test
  void ignoredThreadsAndBusyThreadsDoNotCount() throws Exception {
    Thread caller = Thread.currentThread();
    try (ThreadSampler sampler = ThreadSampler.start(code, Set.of(caller.getId()), Duration.ofMillis(2))) {
      Thread spinner = new Thread(() -> {
        long end = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < end) {
          Thread.onSpinWait();
        }
      });
      spinner.start();
      sleepQuietly(200);
      spinner.join();
      assertTrue(sampler.firstSeenAsleep(caller.getId()).isEmpty());
      assertTrue(sampler.firstSeenAsleep(spinner.getId()).isEmpty());
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Path testClasses() {
    try {
      return Path.of(ThreadSamplerTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
