package grader.run;

import grader.rubric.RubricException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The two waits of a grader that runs work side by side (the exercises of a submission, the parts of
 * an exercise): for one task's result, rethrowing what it threw as it was, and for the pool to end.
 */
public final class PoolWaits {
  private PoolWaits() {}

  /**
   * The task's result; what it threw is rethrown as the checked exception it was, so a caller reads
   * as if it had run the task itself.
   *
   * @param what what the task does, for a checked exception no caller declares ("grading an exercise")
   */
  public static <T> T resultOf(Future<T> future, String what)
      throws IOException, InterruptedException, RubricException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (cause instanceof RubricException rubric) {
        throw rubric;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(what + " failed", cause);
    }
  }

  /**
   * Waits for a shut-down pool's threads to end (each kills its JVMs when interrupted), so nothing
   * outlives the caller; an interrupt meanwhile is kept for the caller, not lost.
   */
  public static void awaitTermination(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
