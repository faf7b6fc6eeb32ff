package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grader.fixtures.Fixture;
import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import grader.report.timeline.TimelineExpectations;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every known-bad fixture fails exactly the tests it lists, and every good alternative solution
 * gets full marks: the proof that each graded test catches something and wrongs no correct answer.
 *
 * <p>A bad fixture {@code bad/<exercise>-<slug>/} holds the student files that differ from {@code
 * solutions/} plus {@code expected-failures.txt}; only its exercise is graded. A good fixture {@code
 * good/<name>/} is a full submission. How both are read: {@link Fixture}.
 *
 * <p>Fixtures are graded {@link FixtureSubmissions#jobs()} at a time (a batch's default jobs,
 * 4 on two cores): besides the time saved, that keeps both cores busy, as a batch does, and
 * verdicts must not depend on it.
 */
@Tag("slow") // make test-fast leaves it out; make test (CI) runs it
class FixtureVerdictsIT {
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

  @TestFactory
  Stream<DynamicTest> badFixturesFailExactlyTheirExpectedTests() throws Exception {
    return gradeAll(FixtureKind.BAD, FixtureVerdictsIT::checkBad);
  }

  @TestFactory
  Stream<DynamicTest> goodFixturesGetFullMarks() throws Exception {
    return gradeAll(FixtureKind.GOOD, FixtureVerdictsIT::checkGood);
  }

  /** A check of one fixture, run on the job pool. */
  @FunctionalInterface
  private interface Check {
    void run(Fixture fixture) throws Exception;
  }

  /** Starts every fixture's check at once (the pool bounds how many run); each test waits for its own. */
  private static Stream<DynamicTest> gradeAll(FixtureKind kind, Check check) throws Exception {
    List<Fixture> fixtures = FixtureLibrary.all(kind);
    List<Future<?>> results = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      results.add(jobs.submit(() -> {
        check.run(fixture);
        return null;
      }));
    }
    return IntStream.range(0, fixtures.size()).mapToObj(i -> DynamicTest.dynamicTest(
        fixtures.get(i).name(), () -> {
          try {
            results.get(i).get();
          } catch (ExecutionException e) {
            throw e.getCause();
          }
        }));
  }

  private static void checkBad(Fixture fixture) throws Exception {
    String name = fixture.name();
    String exercise = fixture.exercise();
    Set<String> expected = fixture.expectedFailures();
    Path submission = FixtureLibrary.submission(fixture, Files.createTempDirectory(work, name + "-"));
    Scorecard scorecard = grader.grade(new GradeRequest(submission, name, Set.of(exercise)));
    assertEquals(1, scorecard.exercises().size(), () -> name + ": the folder prefix '" + exercise
        + "' must be an exercise id");
    ExerciseResult result = scorecard.exercises().get(0);
    if (result.status() != ExerciseStatus.GRADED) {
      fail(name + ": expected the exercise to be graded, but it is " + result.status().id() + "\n"
          + FixtureSubmissions.describe(scorecard));
    }
    Set<String> actual = FixtureSubmissions.notPassed(result);
    if (!actual.equals(expected)) {
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(actual);
      Set<String> unexpected = new TreeSet<>(actual);
      unexpected.removeAll(expected);
      fail(name + ": the failing tests differ from expected-failures.txt\n"
          + "  expected to fail but did not: " + missing + "\n"
          + "  failed but not expected:      " + unexpected + "\n"
          + FixtureSubmissions.describe(scorecard));
    }
    TimelineExpectations.assertShowsTheMistake(name, result); // the picture shows it (staircase, one at a time)
  }

  private static void checkGood(Fixture fixture) throws Exception {
    String name = fixture.name();
    Path submission = FixtureLibrary.submission(fixture, Files.createTempDirectory(work, name + "-"));
    Scorecard scorecard = grader.grade(GradeRequest.all(submission, name));
    assertTrue(scorecard.isFullMarks(), () -> name + ": a correct alternative solution must get full marks, got "
        + scorecard.score() + "/" + scorecard.maxScore() + "\n" + FixtureSubmissions.describe(scorecard));
    TimelineExpectations.assertShowsTheReference(name, scorecard); // e.g. all sleep bars overlap
  }
}
