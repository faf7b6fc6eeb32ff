package grader.run;

import grader.scorecard.TestStatus;
import grader.scorecard.TimelineItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What happened to one graded test, before scoring. {@code name} is what the student reads (the
 * test's display name, or its id if the test was never discovered); {@code output} is what the
 * student's code printed during it, capped.
 */
public record TestOutcome(
    String id,
    String name,
    TestStatus status,
    String message,
    long durationMs,
    Map<String, String> measurements,
    String output,
    List<TimelineItem> timeline) {

  /** A test without a timeline. */
  public TestOutcome(String id, String name, TestStatus status, String message, long durationMs,
      Map<String, String> measurements, String output) {
    this(id, name, status, message, durationMs, measurements, output, List.of());
  }

  public TestOutcome {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(status, "status must not be null");
    measurements = Map.copyOf(measurements);
    output = output == null ? "" : output;
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  public static TestOutcome notRun(String id, String name, String message) {
    return new TestOutcome(id, name, TestStatus.NOT_RUN, message, 0, Map.of(), "");
  }
}
