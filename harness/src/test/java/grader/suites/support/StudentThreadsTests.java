package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StudentThreadsTests {
  @Test
  void threadsAliveBeforeTheWatchNeverCount() {
    assertFalse(StudentThreads.startingNow().anyAlive(Set.of()));
  }

  @Test
  void aThreadStartedLaterCountsUntilItEnds() throws Exception {
    StudentThreads watch = StudentThreads.startingNow();
    CountDownLatch release = new CountDownLatch(1);
    Thread thread = new Thread(() -> await(release));
    thread.start();
    assertTrue(watch.anyAlive(Set.of()));
    assertFalse(watch.anyAlive(Set.of(thread.getId())), "unless the asker names it");
    release.countDown();
    thread.join();
    assertFalse(watch.anyAlive(Set.of()));
  }

  @Test
  void aPoolsIdleWorkersCountUntilThePoolIsShutDown() throws Exception {
    StudentThreads watch = StudentThreads.startingNow();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    pool.submit(() -> {}).get();
    assertTrue(watch.anyAlive(Set.of()), "an idle worker may still run a queued task");
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(watch.awaitEnd(Duration.ofSeconds(10), () -> false, Set.of()));
  }

  @Test
  void awaitEndStopsWhenTheConditionHoldsOrTheTimeIsUp() throws Exception {
    StudentThreads watch = StudentThreads.startingNow();
    CountDownLatch release = new CountDownLatch(1);
    Thread thread = new Thread(() -> await(release));
    thread.start();
    try {
      assertFalse(watch.awaitEnd(Duration.ofSeconds(10), () -> true, Set.of()), "the condition held");
      assertFalse(watch.awaitEnd(Duration.ofMillis(30), () -> false, Set.of()), "the time ran out");
    } finally {
      release.countDown();
      thread.join();
    }
    assertTrue(watch.awaitEnd(Duration.ofSeconds(10), () -> false, Set.of()), "no thread left");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
