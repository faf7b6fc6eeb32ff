package grader.report.timeline;

import grader.scorecard.TimelineItem;
import java.util.List;
import java.util.Optional;

/**
 * A timeline in one line of text for the terminal: how many of the key spans (sleeps, requests
 * inside the server, live workers) were under way at each moment, as block heights, e.g. {@code
 * sleeps at once ▕▂██████▂▏ at most 6 of 6}. All bars overlapping shows as a full-height plateau;
 * one after the other as a low flat line.
 */
public final class TimelineProfile {
  private static final String BLOCKS = " ▁▂▃▄▅▆▇█";
  private static final int CELLS = 24;

  private TimelineProfile() {}

  /** The profile, or empty if the timeline has no spans that show concurrency. */
  public static Optional<String> line(List<TimelineItem> timeline) {
    TimelineShape shape = TimelineShape.of(timeline);
    if (shape.keyKind() == null || shape.keyLanes() == 0) {
      return Optional.empty();
    }
    List<TimelineItem> spans = TimelineShape.spans(timeline, shape.keyKind());
    double end = spans.stream().mapToDouble(TimelineItem::endMs).max().orElse(0);
    double start = spans.stream().mapToDouble(TimelineItem::startMs).min().orElse(0);
    double cell = (end - start) / CELLS;
    StringBuilder bars = new StringBuilder();
    for (int i = 0; i < CELLS; i++) {
      double from = start + i * cell;
      double to = from + cell;
      // The most lanes under way at any moment of the cell: a short overlap still shows.
      long under = 0;
      for (TimelineItem at : spans) {
        double moment = Math.max(from, at.startMs());
        if (moment > to) {
          continue;
        }
        under = Math.max(under, spans.stream().filter(s -> s.startMs() <= moment && moment <= s.endMs())
            .map(TimelineItem::lane).distinct().count());
      }
      int level = (int) Math.ceil(under * 8.0 / shape.keyLanes());
      bars.append(BLOCKS.charAt(Math.min(8, Math.max(under > 0 ? 1 : 0, level))));
    }
    return Optional.of(TimelineStyle.of(shape.keyKind()).plural() + " at once ▕" + bars + "▏ at most "
        + shape.maxOverlap() + " of " + shape.keyLanes());
  }
}
