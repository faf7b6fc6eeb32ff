package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.protocol.TimelineEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTests {
  private static final long ORIGIN = 5_000_000_000L;

  @Test
  void timesAreMillisecondsSinceTheCallInTenths() {
    Timeline timeline = Timeline.since(ORIGIN)
        .span("Thread 1", "sleep", ORIGIN + 12_540_000, ORIGIN + 480_000_000, "slept 467 ms")
        .point("Thread 1", "printed", ORIGIN + 481_000_000, "printed a line");
    assertEquals(List.of(new TimelineEntry("Thread 1", "sleep", 12.5, 480.0, "slept 467 ms"),
        new TimelineEntry("Thread 1", "printed", 481.0, 481.0, "printed a line")), timeline.entries());
  }

  @Test
  void theEncodingRoundTrips() {
    Timeline timeline = Timeline.since(ORIGIN).call("run", ORIGIN + 600_000_000)
        .span("request 2", "in_server", ORIGIN + 1_000_000, ORIGIN + 2_000_000, "inside 1 ms");
    assertEquals(timeline.entries(), Timeline.decode(Timeline.encode(timeline.entries())));
  }

  @Test
  void separatorsAndNonAsciiInTextCannotBreakTheFormat() {
    Timeline timeline = Timeline.since(ORIGIN).span("Thread\t1\n", "sleep", ORIGIN, ORIGIN + 1, "a\tb\nc\u00e9");
    List<TimelineEntry> read = Timeline.decode(Timeline.encode(timeline.entries()));
    assertEquals(List.of(new TimelineEntry("Thread 1 ", "sleep", 0.0, 0.0, "a b c ")), read);
  }

  @Test
  void theTimelineIsCappedAndBackwardSpansAreDropped() {
    Timeline timeline = Timeline.since(ORIGIN).span("Thread 1", "sleep", ORIGIN + 10, ORIGIN, "backwards");
    assertTrue(timeline.entries().isEmpty());
    for (int i = 0; i < Timeline.MAX_ENTRIES + 50; i++) {
      timeline.point("Thread 1", "printed", ORIGIN + i, "x".repeat(500));
    }
    assertEquals(Timeline.MAX_ENTRIES, timeline.entries().size());
    assertEquals(Timeline.MAX_LABEL_CHARS, timeline.entries().get(0).label().length());
  }

  @Test
  void malformedTextEndsTheReadingWithoutThrowing() {
    assertEquals(1, Timeline.decode("call\tcall\t0.0\t5.0\trun\nbroken line\ncall\treturned\t5.0\t5.0\tx\n").size());
    assertTrue(Timeline.decode("call\tcall\tNaN\t5.0\trun\n").isEmpty());
    assertTrue(Timeline.decode("call\tcall\t9.0\t5.0\trun\n").isEmpty());
    assertTrue(Timeline.decode("").isEmpty());
  }
}
