package grader.report.timeline;

import grader.scorecard.TimelineItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of a timeline, independent of exact times: which lanes it has, which kind of span shows
 * the concurrency (sleeps, time inside the server, live workers), how many of those spans overlap at
 * most, and whether one moment has all of them. This is what a picture means ("six bars side by
 * side" versus "a staircase"), and what tests compare, since measured times vary from run to run.
 *
 * @param lanes the lanes other than the call's, in order of first appearance
 * @param keyKind the span kind that shows the concurrency, or null if the timeline has no spans
 * @param keyLanes how many lanes have at least one span of {@code keyKind}
 * @param maxOverlap the most {@code keyKind} spans of different lanes that cover one moment
 */
public record TimelineShape(List<String> lanes, String keyKind, int keyLanes, int maxOverlap) {
  /** Span kinds in the order they are preferred as the key: the most telling first. */
  private static final List<String> KEY_KINDS = List.of("sleep", "in_server", "alive");

  public TimelineShape {
    lanes = List.copyOf(lanes);
  }

  public static TimelineShape of(List<TimelineItem> timeline) {
    Set<String> lanes = new LinkedHashSet<>();
    for (TimelineItem item : timeline) {
      if (!item.lane().equals("call")) {
        lanes.add(item.lane());
      }
    }
    String key = null;
    for (String kind : KEY_KINDS) {
      if (timeline.stream().anyMatch(i -> i.kind().equals(kind) && !i.isPoint())) {
        key = kind;
        break;
      }
    }
    if (key == null) {
      return new TimelineShape(new ArrayList<>(lanes), null, 0, 0);
    }
    List<TimelineItem> spans = spans(timeline, key);
    int keyLanes = (int) spans.stream().map(TimelineItem::lane).distinct().count();
    return new TimelineShape(new ArrayList<>(lanes), key, keyLanes, maxOverlap(spans));
  }

  /** The spans of {@code kind}, not the call's. */
  static List<TimelineItem> spans(List<TimelineItem> timeline, String kind) {
    return timeline.stream().filter(i -> i.kind().equals(kind) && !i.isPoint() && !i.lane().equals("call")).toList();
  }

  /** The most lanes covered at one moment, found at span starts (where coverage can only grow). */
  private static int maxOverlap(List<TimelineItem> spans) {
    int max = 0;
    for (TimelineItem at : spans) {
      double moment = at.startMs();
      long lanes = spans.stream().filter(s -> s.startMs() <= moment && moment <= s.endMs())
          .map(TimelineItem::lane).distinct().count();
      max = Math.max(max, (int) lanes);
    }
    return max;
  }

  /** True when one moment has a span of every lane that has any: "all bars overlap". */
  public boolean allOverlap() {
    return keyLanes > 0 && maxOverlap == keyLanes;
  }

  /**
   * A sentence for the picture's caption of {@code timeline} (the one this shape was made of), e.g.
   * "at most 1 of 6 sleeps at the same moment"; a timeline of points only (worker starts) says how
   * far apart the first and the last were (a timeline recorded before workers had alive spans);
   * lines without sleeps say that no thread but the caller slept.
   */
  public String summary(List<TimelineItem> timeline) {
    if (keyKind == null) {
      List<TimelineItem> points = timeline.stream().filter(i -> i.isPoint() && !i.lane().equals("call")
          && !i.kind().equals("returned")).toList();
      if (points.isEmpty()) {
        return lanes.size() + " lane(s), nothing recorded";
      }
      String kind = points.get(0).kind();
      List<TimelineItem> same = points.stream().filter(i -> i.kind().equals(kind)).toList();
      double first = same.stream().mapToDouble(TimelineItem::startMs).min().orElse(0);
      double last = same.stream().mapToDouble(TimelineItem::startMs).max().orElse(0);
      String apart = ", the first and the last " + Math.round(last - first) + " ms apart";
      if (kind.equals("printed")) {
        // Lines but no sleep: the sleeps ran on the calling thread, which the sampler does not watch.
        long threads = same.stream().map(TimelineItem::lane).distinct().count();
        return same.size() + " lines printed by " + threads + (threads == 1 ? " thread" : " threads") + apart
            + ", and no sleep seen outside the calling thread";
      }
      return same.size() + " " + TimelineStyle.of(kind).plural() + apart;
    }
    return summary();
  }

  /** A sentence for the picture's caption, e.g. "at most 1 of 6 sleeps at the same moment". */
  public String summary() {
    if (keyKind == null) {
      return lanes.size() + " lane(s), no spans";
    }
    return "at most " + maxOverlap + " of " + keyLanes + " " + TimelineStyle.of(keyKind).plural()
        + " at the same moment";
  }
}
