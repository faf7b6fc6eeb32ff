package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.protocol.TimelineEntry;
import grader.scorecard.TimelineItem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineCheckTests {
  private static final TimelineEntry SLEEP = new TimelineEntry("Thread 1", "sleep", 1.5, 300.0, "slept 298 ms");

  @Test
  void aWellFormedTimelineIsKept() {
    assertEquals(List.of(new TimelineItem("Thread 1", "sleep", 1.5, 300.0, "slept 298 ms")),
        TimelineCheck.accepted(List.of(SLEEP)));
  }

  @Test
  void oneBadEntryDropsTheWholeTimeline() {
    for (TimelineEntry bad : List.of(
        new TimelineEntry("my-evil-thread", "sleep", 0, 1, ""),
        new TimelineEntry("Thread 1", "hacked", 0, 1, ""),
        new TimelineEntry("Thread 1", "sleep", -5, 1, ""),
        new TimelineEntry("Thread 1", "sleep", 0, 1e9, ""),
        new TimelineEntry("Thread 1", "sleep", 0, 1, "<script>\u00e9</script>"),
        new TimelineEntry("Thread 1", "sleep", 0, 1, "x".repeat(81)))) {
      assertTrue(TimelineCheck.accepted(List.of(SLEEP, bad)).isEmpty(), bad.toString());
    }
  }

  @Test
  void anOverlongTimelineIsDropped() {
    List<TimelineEntry> many = new ArrayList<>();
    for (int i = 0; i < 241; i++) {
      many.add(SLEEP);
    }
    assertTrue(TimelineCheck.accepted(many).isEmpty());
    assertEquals(240, TimelineCheck.accepted(many.subList(0, 240)).size());
  }
}
