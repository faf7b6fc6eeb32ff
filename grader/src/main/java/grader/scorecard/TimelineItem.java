package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One span or point event of a test's timeline, in milliseconds since the test called the student's
 * code: what the report draws. Whether it is a point is its kind's ({@link #POINT_KINDS}), not its
 * length: a request in and out of the server within the same tenth of a millisecond is still a span
 * (drawn at a minimum width and counted), and a point has {@code endMs == startMs}. The names are the grader's own:
 * lanes like "Thread 3", "request 2", "worker 1" or "call", kinds from {@link #KINDS}; labels are
 * short grader text. A timeline never changes a verdict, but it comes from the harness JVM, which
 * runs next to student code, so everything here is checked before it is believed.
 */
public record TimelineItem(String lane, String kind, double startMs, double endMs, String label) {
  /** The kinds the suites record: spans first, then points. */
  public static final Set<String> KINDS =
      Set.of("call", "sleep", "alive", "in_server", "returned", "printed", "started", "sent", "answered");
  /** The kinds that are moments, not stretches of time. */
  public static final Set<String> POINT_KINDS = Set.of("returned", "printed", "started", "sent", "answered");
  /** Longest time a timeline may show: longer than any test is allowed to run. */
  public static final double MAX_MS = 600_000;
  public static final int MAX_LABEL_CHARS = 80;
  private static final Pattern LANE = Pattern.compile("call|(Thread|worker|request|download) [1-9][0-9]{0,2}");
  private static final Pattern LABEL = Pattern.compile("[\\x20-\\x7e]*");

  public TimelineItem {
    Objects.requireNonNull(lane, "lane must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    label = label == null ? "" : label;
    if (!LANE.matcher(lane).matches()) {
      throw new IllegalArgumentException("timeline lane \"" + lane + "\" is not one the grader names");
    }
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("timeline kind \"" + kind + "\" is not one of " + KINDS);
    }
    if (!(startMs >= 0 && endMs >= startMs && endMs <= MAX_MS)) {
      throw new IllegalArgumentException("timeline times must satisfy 0 <= start <= end <= " + MAX_MS + ", were "
          + startMs + ".." + endMs);
    }
    if (label.length() > MAX_LABEL_CHARS || !LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("timeline label must be at most " + MAX_LABEL_CHARS
          + " printable ASCII characters");
    }
  }

  @JsonIgnore
  public boolean isPoint() {
    return POINT_KINDS.contains(kind);
  }
}
