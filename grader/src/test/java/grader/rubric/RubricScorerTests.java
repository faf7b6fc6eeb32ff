package grader.rubric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RubricScorerTests {
  private final TestPoints tenth = new TestPoints("a", new BigDecimal("0.1"), false);
  private final TestPoints fifth = new TestPoints("b", new BigDecimal("0.2"), true);
  private final ExerciseRubric exercise =
      new ExerciseRubric("threads", "Sleepy threads", "grader.suites.threads", List.of(), List.of(tenth, fifth));

  @Test
  void onlyAPassedTestEarnsItsPoints() {
    assertEquals(new BigDecimal("0.1"), RubricScorer.pointsFor(tenth, TestStatus.PASSED));
    for (TestStatus status : List.of(TestStatus.FAILED, TestStatus.ERROR, TestStatus.TIMED_OUT, TestStatus.NOT_RUN)) {
      assertEquals(BigDecimal.ZERO, RubricScorer.pointsFor(tenth, status));
    }
  }

  @Test
  void sumsAreExact() {
    TestResult a = RubricScorer.score(tenth, "A", TestStatus.PASSED, null, 5, Map.of(), "");
    TestResult b = RubricScorer.score(fifth, "B", TestStatus.PASSED, null, 5, Map.of(), "");
    ExerciseResult result = RubricScorer.total(exercise, ExerciseStatus.GRADED, null, List.of(), List.of(a, b));
    assertEquals(new BigDecimal("0.3"), result.score()); // 0.1 + 0.2 in double would be 0.30000000000000004
    assertEquals(0, result.score().compareTo(result.maxScore()));
    assertEquals(true, b.review());
  }

  @Test
  void aFailedTestKeepsItsMaximum() {
    TestResult b = RubricScorer.score(fifth, "B", TestStatus.FAILED, "Expected: 5", 5, Map.of(), "");
    assertEquals(BigDecimal.ZERO, b.score());
    assertEquals(new BigDecimal("0.2"), b.maxScore());
    ExerciseResult result = RubricScorer.total(exercise, ExerciseStatus.GRADED, null, List.of(), List.of(b));
    assertEquals(new BigDecimal("0.3"), result.maxScore());
  }
}
