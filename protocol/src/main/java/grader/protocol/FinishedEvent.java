package grader.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A graded test ended. For a parameterized or repeated test this is the verdict over all its
 * invocations, and {@code invocation} names the first one that did not pass (null otherwise).
 *
 * @param message feedback for the student (null when the test passed)
 * @param measurements the numbers the test published with {@code TestReporter}
 * @param output what the student's code printed during the test, capped (empty if nothing)
 */
public record FinishedEvent(
    long seq,
    String testId,
    ReportedStatus status,
    String message,
    long durationMs,
    Map<String, String> measurements,
    String output,
    String invocation)
    implements Event {

  public FinishedEvent {
    Objects.requireNonNull(testId, "testId must not be null");
    Objects.requireNonNull(status, "status must not be null");
    // Insertion order: the order the test published them in.
    measurements = measurements == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
    output = output == null ? "" : output;
  }
}
