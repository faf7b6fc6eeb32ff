package grader.protocol;

import java.util.Objects;

/**
 * The child stops after {@code testId} because the JVM may be poisoned (a timed-out test can leave a
 * thread spinning that would slow down or break every later test); the parent runs the remaining
 * tests in a fresh JVM.
 */
public record RestartEvent(long seq, String testId, String reason) implements Event {
  public RestartEvent {
    Objects.requireNonNull(testId, "testId must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }
}
