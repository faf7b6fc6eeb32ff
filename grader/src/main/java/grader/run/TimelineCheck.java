package grader.run;

import grader.protocol.TimelineEntry;
import grader.scorecard.TestResult;
import grader.scorecard.TimelineItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which timeline a test's result carries into the scorecard. The harness JVM runs next to
 * student code, so its timeline is believed only as a whole: too many entries, a lane the grader
 * does not name, an unknown kind, a time out of range or a label that is not short plain text, and
 * the test has no picture at all (its verdict is untouched either way).
 */
final class TimelineCheck {
  private TimelineCheck() {}

  static List<TimelineItem> accepted(List<TimelineEntry> reported) {
    if (reported.size() > TestResult.MAX_TIMELINE) {
      return List.of();
    }
    List<TimelineItem> items = new ArrayList<>(reported.size());
    try {
      for (TimelineEntry entry : reported) {
        items.add(new TimelineItem(entry.lane(), entry.kind(), entry.startMs(), entry.endMs(), entry.label()));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      return List.of();
    }
    return items;
  }
}
