package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.scorecard.ExerciseResult;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TimelineItem;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class StudentPageTimelineTests {
  private static final List<TimelineItem> STAIRCASE = List.of(
      new TimelineItem("call", "call", 0, 900, "run"),
      new TimelineItem("Thread 1", "sleep", 1, 300, "slept 299 ms"),
      new TimelineItem("Thread 2", "sleep", 301, 600, "slept 299 ms"),
      new TimelineItem("Thread 3", "sleep", 601, 899, "slept 298 ms"));

  @Test
  void aStudentsPageShowsTheTimelineOfEachTestThatRecordedOne() {
    Scorecard card = FakeGrader.scorecard("bob", BatchFolders.HALF);
    List<ExerciseResult> exercises = card.exercises().stream().map(e -> new ExerciseResult(e.id(), e.title(),
        e.score(), e.maxScore(), e.status(), e.message(), e.diagnostics(), e.tests().stream()
            .map(t -> !t.id().equals("overlap") ? t : new TestResult(t.id(), t.name(), t.status(), t.score(),
                t.maxScore(), t.message(), t.durationMs(), t.measurements(), t.output(), t.review(), STAIRCASE))
            .toList(), e.heldBackPoints())).toList();
    Scorecard withTimeline = new Scorecard(card.schema(), card.grader(), card.submission(), card.isolation(),
        card.score(), card.maxScore(), card.durationMs(), exercises, card.warnings(), card.heldBackPoints(),
        card.gradedBy());
    StudentOutcome bob = StudentOutcome.graded(new StudentSubmission("bob", "bob", Path.of("bob"), null), "in", "fp",
        withTimeline, 1);

    String html = new StudentPageWriter().render(bob, "");

    assertEquals(1, html.split("<svg", -1).length - 1, html);
    assertTrue(html.contains("<figure class=\"timeline\"><svg xmlns=\"http://www.w3.org/2000/svg\""), html);
    assertTrue(html.contains("at most 1 of 3 sleeps at the same moment"), html);
  }
}
