package grader.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineJsonTests {
  private static final List<TimelineItem> TIMELINE = List.of(
      new TimelineItem("call", "call", 0, 512.5, "run"),
      new TimelineItem("Thread 1", "sleep", 3.1, 480.0, "slept 476 ms"),
      new TimelineItem("Thread 1", "printed", 481.2, 481.2, "printed a line"));

  private static Scorecard card(List<TimelineItem> timeline) {
    TestResult test = new TestResult("sleepsAllThreadsAtTheSameTime", "has all threads asleep at the same moment",
        TestStatus.PASSED, BigDecimal.ONE, BigDecimal.ONE, null, 600, Map.of(), "", false, timeline);
    ExerciseResult exercise = new ExerciseResult("threads", "Sleepy threads", BigDecimal.ONE, BigDecimal.ONE,
        ExerciseStatus.GRADED, null, List.of(), List.of(test), null);
    return Scorecard.of(new GraderInfo("1.0", "17", "abc", Map.of()), new SubmissionInfo("s", "0".repeat(64)),
        Isolation.BUBBLEWRAP, 600, List.of(exercise), List.of());
  }

  @Test
  void aTimelineSurvivesTheStrictReading() throws IOException {
    String json = ScorecardJson.toJson(card(TIMELINE));
    assertTrue(json.contains("\"start_ms\" : 3.1"), json);
    Scorecard read = ScorecardCheck.parse(json);
    assertEquals(TIMELINE, read.exercises().get(0).tests().get(0).timeline());
    assertTrue(ScorecardCheck.problems(read).isEmpty());
  }

  @Test
  void anEmptyTimelineIsLeftOutSoOlderScorecardsReadTheSame() throws IOException {
    String json = ScorecardJson.toJson(card(List.of()));
    assertFalse(json.contains("timeline"), json);
    assertEquals(List.of(), ScorecardCheck.parse(json).exercises().get(0).tests().get(0).timeline());
  }

  @Test
  void aLaneTheGraderDoesNotNameIsRefused() {
    String json = ScorecardJson.toJson(card(TIMELINE)).replace("\"Thread 1\"", "\"evil <b>\"");
    assertThrows(IOException.class, () -> ScorecardCheck.parse(json));
  }
}
