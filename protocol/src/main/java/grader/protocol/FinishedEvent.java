package grader.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A graded test ended. For a parameterized or repeated test this is the verdict over all its
 * invocations, and {@code invocation} names the first one that did not pass (null otherwise).
 *
 * @param message feedback for the student (null when the test passed)
 * @param measurements the numbers the test published with {@code TestReporter}
 * @param output what the student's code printed during the test, capped (empty if nothing)
 * @param timeline what the test saw happen over time (threads, requests, processes), capped by the
 *     harness and checked again by the parent; empty for tests that observe no concurrency
 */
public record FinishedEvent(
    long seq,
    String testId,
    ReportedStatus status,
    String message,
    long durationMs,
    Map<String, String> measurements,
    String output,
    String invocation,
    List<TimelineEntry> timeline)
    implements Event {

  /** A test without a timeline. */
  public FinishedEvent(long seq, String testId, ReportedStatus status, String message, long durationMs,
      Map<String, String> measurements, String output, String invocation) {
    this(seq, testId, status, message, durationMs, measurements, output, invocation, List.of());
  }

  public FinishedEvent {
    Objects.requireNonNull(testId, "testId must not be null");
    Objects.requireNonNull(status, "status must not be null");
    // Insertion order: the order the test published them in.
    measurements = measurements == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
    output = output == null ? "" : output;
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }
}
