package grader.suites.support;

import grader.protocol.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestReporter;

/**
 * What a test saw happen over time, for the picture in the report: spans and point events on lanes
 * the grader names ("Thread 3", "request 2", "worker 1"), in milliseconds since the test called the
 * student's code. Built from what the suites already observed, after the observation, so recording
 * costs nothing while the student's code runs; it never decides a verdict.
 *
 * <p>It travels to the harness's listener as one report entry under {@link #ENTRY_KEY} (the only
 * channel from a test method to the listener), in a line format of tab-separated fields that
 * {@link #decode} reads back. Lane and label are the grader's own words and never the student's
 * output; both are cut and cleaned anyway, and at most {@link #MAX_ENTRIES} entries are kept.
 */
public final class Timeline {
  /** The report-entry key the harness's listener takes out of the measurements. */
  public static final String ENTRY_KEY = "grader.timeline";
  public static final int MAX_ENTRIES = 240;
  public static final int MAX_LANE_CHARS = 24;
  public static final int MAX_LABEL_CHARS = 80;
  /** The lane of the student's call itself: when it was called and when it returned. */
  public static final String CALL_LANE = "call";

  private final long originNanos;
  private final List<TimelineEntry> entries = new ArrayList<>();

  private Timeline(long originNanos) {
    this.originNanos = originNanos;
  }

  /** A timeline whose zero is {@code calledNanos}, the {@link System#nanoTime()} of the call. */
  public static Timeline since(long calledNanos) {
    return new Timeline(calledNanos);
  }

  /** The student's call: a span from zero to {@code returnedNanos} and a {@code returned} point. */
  public synchronized Timeline call(String what, long returnedNanos) {
    span(CALL_LANE, "call", originNanos, returnedNanos, what);
    return point(CALL_LANE, "returned", returnedNanos, what + " returned");
  }

  /** A span; ignored when it ends before it starts or the timeline is full. */
  public synchronized Timeline span(String lane, String kind, long startNanos, long endNanos, String label) {
    if (endNanos >= startNanos) {
      add(lane, kind, millis(startNanos), millis(endNanos), label);
    }
    return this;
  }

  public synchronized Timeline point(String lane, String kind, long atNanos, String label) {
    double at = millis(atNanos);
    add(lane, kind, at, at, label);
    return this;
  }

  public synchronized List<TimelineEntry> entries() {
    return List.copyOf(entries);
  }

  /** Hands the timeline to the harness's listener, which sends it with the test's result. */
  public void publish(TestReporter reporter) {
    reporter.publishEntry(ENTRY_KEY, encode(entries()));
  }

  /**
   * Builds a timeline and publishes it; a picture must never change a verdict, so if building it
   * fails (a grader bug), the test goes on without one.
   */
  public static void publish(TestReporter reporter, Supplier<Timeline> timeline) {
    Timeline built;
    try {
      built = timeline.get();
    } catch (RuntimeException e) {
      return;
    }
    built.publish(reporter);
  }

  private void add(String lane, String kind, double startMs, double endMs, String label) {
    if (entries.size() < MAX_ENTRIES) {
      entries.add(new TimelineEntry(clean(lane, MAX_LANE_CHARS), clean(kind, MAX_LANE_CHARS), startMs, endMs,
          clean(label, MAX_LABEL_CHARS)));
    }
  }

  /** Tenths of a millisecond: finer than any sampler here, and short on the wire. */
  private double millis(long nanos) {
    return Math.round((nanos - originNanos) / 100_000.0) / 10.0;
  }

  /** Printable ASCII only (the line format's separators cannot occur), cut to {@code max}. */
  private static String clean(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : ' ');
    }
    return out.toString();
  }

  static String encode(List<TimelineEntry> entries) {
    StringBuilder text = new StringBuilder();
    for (TimelineEntry entry : entries) {
      text.append(entry.lane()).append('\t').append(entry.kind()).append('\t').append(entry.startMs()).append('\t')
          .append(entry.endMs()).append('\t').append(entry.label()).append('\n');
    }
    return text.toString();
  }

  /** Reads {@link #encode}'s format back; a malformed line ends the reading (what came before stays). */
  public static List<TimelineEntry> decode(String text) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (entries.size() >= MAX_ENTRIES || line.isEmpty()) {
        break;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 5) {
        break;
      }
      try {
        entries.add(new TimelineEntry(clean(fields[0], MAX_LANE_CHARS), clean(fields[1], MAX_LANE_CHARS),
            Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), clean(fields[4], MAX_LABEL_CHARS)));
      } catch (IllegalArgumentException e) {
        break;
      }
    }
    return entries;
  }
}
