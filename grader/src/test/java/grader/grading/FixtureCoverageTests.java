package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import grader.fixtures.Fixture;
import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import grader.rubric.ExerciseRubric;
import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import grader.rubric.TestPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every graded test catches something: at least one known-bad fixture is expected to fail it, and
 * every test a fixture names exists. {@link FixtureVerdictsIT} then proves each expectation by grading.
 */
class FixtureCoverageTests {

  @Test
  void everyGradedTestIsExpectedToCatchAtLeastOneBadFixture() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    Set<String> named = namedByFixtures();
    List<String> uncaught = new ArrayList<>();
    for (ExerciseRubric exercise : rubric.exercises()) {
      for (TestPoints test : exercise.tests()) {
        if (!named.contains(exercise.id() + "." + test.id())) {
          uncaught.add(exercise.id() + "." + test.id());
        }
      }
    }
    assertEquals(List.of(), uncaught, "graded tests that no fixture in grader/src/test/fixtures/bad/ fails");
  }

  @Test
  void everyExpectedFailureIsAGradedTestOfTheFixturesExercise() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    Set<String> graded = new TreeSet<>();
    rubric.exercises().forEach(e -> e.tests().forEach(t -> graded.add(e.id() + "." + t.id())));
    Set<String> unknown = new TreeSet<>(namedByFixtures());
    unknown.removeAll(graded);
    assertEquals(Set.of(), unknown, "expected-failures.txt names tests the rubric does not have");
  }

  /** {@code exercise.testId} for every line of every bad fixture's expected-failures.txt. */
  private static Set<String> namedByFixtures() throws Exception {
    List<Fixture> fixtures = FixtureLibrary.all(FixtureKind.BAD);
    assertFalse(fixtures.isEmpty(), "no bad fixtures found under " + FixtureLibrary.root(FixtureKind.BAD));
    Set<String> named = new TreeSet<>();
    for (Fixture fixture : fixtures) {
      fixture.expectedFailures().forEach(test -> named.add(fixture.exercise() + "." + test));
    }
    return named;
  }
}
