package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GraderInfo;
import grader.scorecard.Isolation;
import grader.scorecard.Scorecard;
import grader.scorecard.SubmissionInfo;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkeletonFeedbackTests {
  private static final String TRACE = "Observed: it threw UnsupportedOperationException: TODO (at "
      + "SleepyThreads.run(SleepyThreads.java:42))\nHint: this is still the skeleton: replace the TODO with your "
      + "implementation.";

  private static TestResult skeletal(String id, String expected) {
    return new TestResult(id, "test " + id, TestStatus.FAILED, BigDecimal.ZERO, BigDecimal.ONE,
        "Expected: " + expected + " to return normally\n" + TRACE, 5, Map.of(), "", false);
  }

  @Test
  void theSkeletonsTraceIsSaidOncePerExerciseAndTheTestsAreListed() {
    ExerciseResult threads = new ExerciseResult("threads", "Sleepy threads", BigDecimal.ZERO, new BigDecimal(3),
        ExerciseStatus.GRADED, null, List.of(),
        List.of(skeletal("a", "run(1, 50, 150, random, out)"), skeletal("b", "run(5, 100, 200, random, out)"),
            skeletal("c", "run(6, 250, 500, random, out)")), null);
    Scorecard card = Scorecard.of(new GraderInfo("1", "17", "h", Map.of()), new SubmissionInfo("s", "0".repeat(64)),
        Isolation.BUBBLEWRAP, 10, List.of(threads), List.of());

    String report = new TerminalReport(false).render(card);

    assertEquals(1, report.split("UnsupportedOperationException", -1).length - 1, report);
    assertTrue(report.contains("Not implemented yet: the 3 tests marked below threw the skeleton's TODO:"), report);
    for (String id : List.of("a", "b", "c")) {
      assertTrue(report.contains("test " + id + "\n"), report);
    }
  }

  @Test
  void oneSkeletalTestKeepsItsOwnFeedback() {
    ExerciseResult one = new ExerciseResult("threads", "Sleepy threads", BigDecimal.ZERO, BigDecimal.ONE,
        ExerciseStatus.GRADED, null, List.of(), List.of(skeletal("a", "run(1)")), null);
    assertTrue(SkeletonFeedback.of(one).isEmpty());
  }
}
