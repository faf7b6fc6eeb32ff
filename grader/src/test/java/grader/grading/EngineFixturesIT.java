package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import grader.fixtures.Fixture;
import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import grader.scorecard.ExerciseResult;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions that exit, halt, spin, deadlock, forge results, fail to compile or miss classes
 * (grader/src/test/fixtures/engine, see its README): each still yields a complete, valid scorecard
 * that says what happened, and the other exercises are graded normally.
 *
 * <p>Fixtures are graded {@link FixtureSubmissions#jobs()} at a time (as in {@link
 * FixtureVerdictsIT}): a submission that spins or deadlocks must be stopped, and named, as surely
 * with other gradings beside it, as in a batch.
 */
@Tag("slow") // make test-fast leaves it out; make test (CI) runs it
class EngineFixturesIT {
  @TempDir static Path work;
  private static Grader grader;
  private static ExecutorService jobs;

  @BeforeAll
  static void buildGrader() throws Exception {
    grader = FixtureSubmissions.grader(work);
    jobs = Executors.newFixedThreadPool(FixtureSubmissions.jobs());
  }

  @AfterAll
  static void stopJobs() {
    jobs.shutdownNow();
  }

  /** Starts every fixture's check at once (the pool bounds how many run); each test waits for its own. */
  @TestFactory
  Stream<DynamicTest> engineFixtures() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Fixture fixture : FixtureLibrary.all(FixtureKind.ENGINE)) {
      Future<?> result = jobs.submit(() -> {
        check(fixture);
        return null;
      });
      tests.add(DynamicTest.dynamicTest(fixture.name(), () -> {
        try {
          result.get();
        } catch (ExecutionException e) {
          throw e.getCause();
        }
      }));
    }
    return tests.stream();
  }

  private static void check(Fixture fixture) throws Exception {
    String name = fixture.name();
    JsonNode expected = fixture.engineExpectation();
    Set<String> exercises = fixture.engineExercises();
    Path submission = FixtureLibrary.submission(fixture, Files.createTempDirectory(work, name + "-"));

    Scorecard scorecard = grader.grade(new GradeRequest(submission, name, exercises));

    String report = name + " (" + expected.path("why").asText() + ")\n" + FixtureSubmissions.describe(scorecard);
    Scorecard reread = ScorecardJson.fromJson(ScorecardJson.toJson(scorecard));
    assertEquals(ScorecardJson.toJson(scorecard), ScorecardJson.toJson(reread), "the scorecard survives JSON");
    assertEquals(List.copyOf(exercises), scorecard.exercises().stream().map(ExerciseResult::id).toList(), report);
    BigDecimal sum = scorecard.exercises().stream().map(ExerciseResult::score).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.compareTo(scorecard.score()), report);

    for (ExerciseResult exercise : scorecard.exercises()) {
      JsonNode want = expected.path("exercises").path(exercise.id());
      assertFalse(want.isMissingNode(), name + ": expected.json says nothing about " + exercise.id());
      List<String> problems = problems(exercise, want);
      assertTrue(problems.isEmpty(), () -> exercise.id() + ": " + String.join("; ", problems) + "\n" + report);
    }
    for (JsonNode part : expected.path("warnings_contain")) {
      assertTrue(scorecard.warnings().stream().anyMatch(w -> w.contains(part.asText())),
          () -> "no warning contains <" + part.asText() + ">\n" + report);
    }
  }

  private static List<String> problems(ExerciseResult exercise, JsonNode want) {
    List<String> problems = new ArrayList<>();
    if (!exercise.status().id().equals(want.path("status").asText())) {
      problems.add("status " + exercise.status().id() + ", expected " + want.path("status").asText());
    }
    if (want.has("full_marks")) {
      boolean full = exercise.score().compareTo(exercise.maxScore()) == 0;
      if (full != want.get("full_marks").asBoolean()) {
        problems.add("score " + exercise.score() + "/" + exercise.maxScore() + ", expected full marks: " + !full);
      }
    }
    if (want.has("min_passed")) {
      long passed = exercise.tests().stream().filter(t -> t.status() == TestStatus.PASSED).count();
      if (passed < want.get("min_passed").asInt()) {
        problems.add(passed + " tests passed, expected at least " + want.get("min_passed").asInt());
      }
    }
    if (want.has("all_tests")) {
      String status = want.get("all_tests").asText();
      for (TestResult test : exercise.tests()) {
        if (!test.status().id().equals(status) || test.score().signum() != 0) {
          problems.add("test " + test.id() + " is " + test.status().id() + " with " + test.score() + " points, expected "
              + status + " with 0");
        }
      }
    }
    if (want.path("display_names").asBoolean(false)) {
      exercise.tests().stream().filter(t -> t.name().equals(t.id()))
          .forEach(t -> problems.add("test " + t.id() + " is named by its id, not its display name"));
    }
    if (want.path("diagnostics").asBoolean(false) && exercise.diagnostics().isEmpty()) {
      problems.add("no compiler diagnostics");
    }
    if (want.has("any_test")) {
      JsonNode any = want.get("any_test");
      boolean found = exercise.tests().stream().anyMatch(t -> t.status().id().equals(any.path("status").asText())
          && contains(t.message(), any.path("message_contains")));
      if (!found) {
        problems.add("no test is " + any.path("status").asText() + " with a message containing "
            + any.path("message_contains"));
      }
    }
    return problems;
  }

  private static boolean contains(String message, JsonNode parts) {
    for (JsonNode part : parts) {
      if (message == null || !message.contains(part.asText())) {
        return false;
      }
    }
    return true;
  }
}
