package grader.suites.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends the processes the student's code left running, between tests: a worker that outlives the
 * test that started it could otherwise arrive at the next test's launch gate and be counted there.
 */
public final class DescendantProcesses {
  private DescendantProcesses() {}

  /** Kills every descendant of this JVM and waits up to {@code timeout} for them to be gone; returns how many. */
  public static int destroyAll(Duration timeout) {
    List<ProcessHandle> alive = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    alive.forEach(ProcessHandle::destroyForcibly);
    CompletableFuture<?>[] exits = alive.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // A process that cannot be reaped in time is the harness's to kill with the whole tree.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return alive.size();
  }
}
