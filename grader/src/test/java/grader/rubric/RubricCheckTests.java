package grader.rubric;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricCheckTests {
  private final ExerciseRubric exercise = new ExerciseRubric("threads", "Sleepy threads", "grader.suites.threads",
      List.of(), List.of(new TestPoints("a", BigDecimal.ONE, false), new TestPoints("b", BigDecimal.TEN, false)));

  @Test
  void aPartMayHaveSomeOfTheTestsButNoUnknownOrDuplicatedOne() {
    assertDoesNotThrow(() -> RubricCheck.verifyKnown(exercise, List.of("b")));
    RubricException e = assertThrows(RubricException.class, () -> RubricCheck.verifyKnown(exercise, List.of("b", "c", "b")));
    assertEquals("suite grader.suites.threads declares test 'b' more than once (test ids are method names and must"
        + " be unique within an exercise); test 'c' of suite grader.suites.threads has no points in rubric"
        + " threads.json (add it to \"tests\")", e.getMessage());
  }

  @Test
  void aPartsTestsMustComeFromExactlyTheClassesItNames() {
    assertDoesNotThrow(() -> RubricCheck.verifyPart(exercise, 0, List.of("ASuite", "BSuite"),
        java.util.Map.of("a", "ASuite", "b", "BSuite")));
    RubricException e = assertThrows(RubricException.class, () -> RubricCheck.verifyPart(exercise, 1,
        List.of("ASuite", "BSuit"), java.util.Map.of("a", "ASuite", "b", "BSuite")));
    assertEquals("suite class BSuite of grader.suites.threads declares tests but is in no part of rubric threads.json"
        + " (add it to one group of \"parts\"); rubric threads.json's parts[1] names suite class BSuit, but"
        + " grader.suites.threads has no such class with tests (names are relative to the suite package, like"
        + " \"ReportSuite\")", e.getMessage());
  }

  @Test
  void theSameTestsInAnyOrderMatch() {
    assertDoesNotThrow(() -> RubricCheck.verify(exercise, List.of("b", "a")));
  }

  @Test
  void unknownMissingAndDuplicatedIdsAreAllNamed() {
    RubricException e = assertThrows(RubricException.class, () -> RubricCheck.verify(exercise, List.of("a", "c", "a")));
    assertEquals("suite grader.suites.threads declares test 'a' more than once (test ids are method names and must"
        + " be unique within an exercise); test 'c' of suite grader.suites.threads has no points in rubric"
        + " threads.json (add it to \"tests\"); rubric threads.json gives points to test 'b', but suite"
        + " grader.suites.threads has no such test method", e.getMessage());
  }

  @Test
  void hiddenTestsMustLiveInTheHiddenPackageAndPublicOnesOutsideIt() {
    ExerciseRubric mixed = new ExerciseRubric("threads", "Sleepy threads", "grader.suites.threads", List.of(),
        List.of(new TestPoints("a", BigDecimal.ONE, false), new TestPoints("b", BigDecimal.TEN, false, Visibility.HIDDEN)));
    assertDoesNotThrow(() -> RubricCheck.verifyPlacement(mixed, java.util.Map.of(
        "a", "grader.suites.threads.SleepyThreadsSuite", "b", "grader.suites.threads.hidden.MoreSuite")));
    RubricException e = assertThrows(RubricException.class, () -> RubricCheck.verifyPlacement(mixed, java.util.Map.of(
        "a", "grader.suites.threads.hidden.Leaked", "b", "grader.suites.threads.SleepyThreadsSuite")));
    assertTrue(e.getMessage().contains("test 'a' is declared in grader.suites.threads.hidden.Leaked (left out of the"
        + " student bundle) but public in rubric threads.json"), e.getMessage());
    assertTrue(e.getMessage().contains("test 'b' is hidden in rubric threads.json but declared in "
        + "grader.suites.threads.SleepyThreadsSuite: move it into package grader.suites.threads.hidden"), e.getMessage());
  }

  @Test
  void aHiddenTestTheSuiteLacksIsAnErrorThatNamesTheMissingHiddenModule() {
    ExerciseRubric instructors = new ExerciseRubric("threads", "Sleepy threads", "grader.suites.threads", List.of(),
        List.of(new TestPoints("a", BigDecimal.ONE, false), new TestPoints("b", BigDecimal.TEN, false, Visibility.HIDDEN)));
    RubricException e = assertThrows(RubricException.class, () -> RubricCheck.verify(instructors, List.of("a")));
    assertEquals("rubric threads.json gives points to test 'b', but suite grader.suites.threads has no such test"
        + " method (it is hidden: its class belongs in package grader.suites.threads.hidden of the hidden suites'"
        + " module, lib/harness/grader-harness-hidden.jar, which this installation lacks or which lacks the test;"
        + " a student bundle's rubric lists no hidden test)", e.getMessage());
  }
}
