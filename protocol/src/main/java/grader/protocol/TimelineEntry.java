package grader.protocol;

import java.util.Objects;

/**
 * One thing a suite saw happen during a test, in milliseconds since the test called the student's
 * code: a span ({@code endMs > startMs}) or a point event ({@code endMs == startMs}). {@code lane}
 * is a name the grader chose ("Thread 3", "request 2", "worker 1"), never one the student chose;
 * {@code label} is the grader's own words, never the student's output.
 *
 * @param kind what the lane was doing, e.g. {@code sleep}, {@code alive}, {@code in_server}, or a
 *     point such as {@code printed}
 */
public record TimelineEntry(String lane, String kind, double startMs, double endMs, String label) {
  public TimelineEntry {
    Objects.requireNonNull(lane, "lane must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    label = label == null ? "" : label;
    if (!Double.isFinite(startMs) || !Double.isFinite(endMs) || endMs < startMs) {
      throw new IllegalArgumentException("a timeline entry needs finite times with end >= start, was "
          + startMs + ".." + endMs);
    }
  }
}
