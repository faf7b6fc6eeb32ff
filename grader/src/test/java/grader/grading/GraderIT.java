package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.fixtures.FixtureLibrary;
import grader.rubric.RubricLoader;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through grader.jar: the reference solutions get full marks, every time. */
class GraderIT {
  @TempDir static Path work;
  private static Grader grader;

  @BeforeAll
  static void buildGrader() throws Exception {
    grader = FixtureSubmissions.grader(work);
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void theReferenceSolutionsGetFullMarks() throws Exception {
    Path submission = FixtureLibrary.copySolutions(Files.createTempDirectory(work, "solutions-"));
    Scorecard scorecard = grader.grade(GradeRequest.all(submission, "solutions"));
    assertTrue(scorecard.isFullMarks(), () -> "the solutions got " + scorecard.score() + "/" + scorecard.maxScore()
        + "\n" + FixtureSubmissions.describe(scorecard));
    List<String> exercises = RubricLoader.ofGrader().load().exerciseIds();
    assertEquals(exercises, scorecard.exercises().stream().map(ExerciseResult::id).toList());
    assertEquals(0, scorecard.maxScore().compareTo(java.math.BigDecimal.valueOf(25L * exercises.size())),
        "every exercise of the index, 25 points each");
    assertEquals(64, scorecard.submission().sha256().length());
    assertFalse(scorecard.grader().suiteHash().isBlank());
  }

  /** What a student starts from: it compiles, runs, and earns nothing, each test saying why. */
  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void theSkeletonsCompileAndScoreZero() throws Exception {
    Scorecard scorecard = grader.grade(GradeRequest.all(FixtureLibrary.repo().resolve("exercises"), "skeleton"));
    assertEquals(4, scorecard.exercises().size());
    for (ExerciseResult exercise : scorecard.exercises()) {
      assertEquals(ExerciseStatus.GRADED, exercise.status(), () -> exercise.id() + ": " + exercise.message());
      assertEquals(List.of(), exercise.diagnostics(), exercise.id() + " compiles cleanly");
      for (TestResult test : exercise.tests()) {
        assertEquals(TestStatus.FAILED, test.status(), () -> exercise.id() + "." + test.id() + ": " + test.message());
        assertEquals(0, test.score().signum(), exercise.id() + "." + test.id());
        assertTrue(test.message() != null && test.message().contains("Expected: ") && test.message().contains("Hint: "),
            () -> exercise.id() + "." + test.id() + " says what it expected and hints: " + test.message());
      }
    }
    assertEquals(0, scorecard.score().signum(), () -> FixtureSubmissions.describe(scorecard));
  }

  @Test
  void aSubmissionThatIsNotAZipStillGetsACompleteScorecard() throws Exception {
    Path notAZip = work.resolve("homework.zip");
    Files.writeString(notAZip, "this is not a zip file");
    Scorecard scorecard = grader.grade(GradeRequest.all(notAZip, "broken"));
    assertEquals(4, scorecard.exercises().size());
    for (ExerciseResult exercise : scorecard.exercises()) {
      assertEquals(ExerciseStatus.MISSING, exercise.status());
      assertTrue(exercise.message().startsWith("The submission could not be read: "), exercise.message());
      assertFalse(exercise.tests().isEmpty(), exercise.id() + " lists its tests");
      for (TestResult test : exercise.tests()) {
        assertEquals(TestStatus.NOT_RUN, test.status());
        assertEquals(0, test.score().signum());
      }
    }
    assertEquals(0, scorecard.score().signum());
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void onlyTheRequestedExercisesAreGradedInRubricOrder() throws Exception {
    Path submission = FixtureLibrary.copySolutions(Files.createTempDirectory(work, "solutions-"));
    Scorecard scorecard = grader.grade(new GradeRequest(submission, "two", Set.of("async", "threads")));
    assertEquals(List.of("threads", "async"), scorecard.exercises().stream().map(ExerciseResult::id).toList());
    assertTrue(scorecard.isFullMarks(), () -> FixtureSubmissions.describe(scorecard));
  }

  @Test
  void anUnknownExerciseIsBadUsage() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> grader.grade(new GradeRequest(work, "x", Set.of("threads", "sockets"))));
    assertEquals("unknown exercise sockets (known: "
        + String.join(", ", RubricLoader.ofGrader().load().exerciseIds()) + ")", e.getMessage());
  }

  @Test
  void theRunDirectoryIsDeletedAfterwards() throws Exception {
    Path notAZip = work.resolve("other.zip");
    Files.writeString(notAZip, "PK but not really");
    grader.grade(GradeRequest.all(notAZip, "other"));
    try (Stream<Path> runs = Files.list(work.resolve("runs"))) {
      assertEquals(List.of(), runs.toList(), "nothing left in the work root");
    }
  }
}
