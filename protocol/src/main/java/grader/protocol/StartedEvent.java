package grader.protocol;

import java.util.Objects;

/**
 * A graded test started, or for a parameterized or repeated test one of its invocations started
 * ({@code invocation} names it; null for the test itself). {@code timeoutMs} is the JUnit timeout in
 * force for one invocation, so the parent knows when a test that never reports back has outlived
 * every chance to finish.
 */
public record StartedEvent(long seq, String testId, String invocation, long timeoutMs) implements Event {
  public StartedEvent {
    Objects.requireNonNull(testId, "testId must not be null");
  }
}
