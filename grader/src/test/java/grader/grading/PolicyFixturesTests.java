package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.compile.CompileResult;
import grader.compile.ExerciseBuild;
import grader.compile.SubmissionCompiler;
import grader.fixtures.AttackExpectation;
import grader.fixtures.Fixture;
import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import grader.policy.BytecodePolicy;
import grader.policy.PolicyFinding;
import grader.policy.PolicyResult;
import grader.rubric.ExerciseRubric;
import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import grader.scorecard.ExerciseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode policy against every submission the project keeps, compiled by the grader's own
 * compiler (no JVM started): the reference solutions, the skeletons, every good and every bad
 * fixture pass it (the policy refuses no honest code, so the bad fixtures still fail only their
 * tests); every attack fixture that names a {@code policy-api} is refused for that API while the
 * other exercises pass, and every other attack fixture passes it (the run-time layers stop those).
 */
@Tag("slow") // compiles every fixture: make test-fast leaves it out; make test (CI) runs it
class PolicyFixturesTests {
  private static Rubric rubric;
  private static final BytecodePolicy POLICY = BytecodePolicy.standard();

  @TempDir
  Path temp;

  @BeforeAll
  static void loadRubric() throws Exception {
    rubric = RubricLoader.ofGrader().load();
  }

  @Test
  void theSolutionsPass() throws IOException {
    Path submission = FixtureLibrary.repo().resolve("solutions");
    assertEquals(Map.of(), findings(submission, temp.resolve("classes")), "findings in solutions/");
  }

  @Test
  void theSkeletonsPass() throws IOException {
    Path submission = FixtureLibrary.repo().resolve("exercises");
    assertEquals(Map.of(), findings(submission, temp.resolve("classes")), "findings in exercises/");
  }

  @TestFactory
  Stream<DynamicTest> everyGoodFixturePasses() throws IOException {
    return FixtureLibrary.all(FixtureKind.GOOD).stream().map(fixture -> DynamicTest.dynamicTest(
        fixture.name(), () -> {
          Path submission = FixtureLibrary.submission(fixture, temp.resolve(fixture.name()));
          assertEquals(Map.of(), findings(submission, temp.resolve("classes-" + fixture.name())));
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyBadFixturePasses() throws IOException {
    return FixtureLibrary.all(FixtureKind.BAD).stream().map(fixture -> DynamicTest.dynamicTest(
        fixture.name(), () -> {
          Path submission = FixtureLibrary.submission(fixture, temp.resolve(fixture.name()));
          assertEquals(Map.of(), findings(submission, temp.resolve("classes-" + fixture.name())),
              "a known-bad fixture must fail its tests, not the policy");
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyAttackIsRefusedForItsPolicyApiOrPassesThePolicy() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Fixture fixture : FixtureLibrary.all(FixtureKind.ATTACK)) {
      AttackExpectation attack = fixture.attack();
      String api = attack.policyApi();
      String exercise = attack.exercise();
      tests.add(DynamicTest.dynamicTest(fixture.name(), () -> {
        if (!attack.compiles()) {
          return; // an attack on the compiler itself (AttackIT grades it): there are no class files to check
        }
        Path submission = FixtureLibrary.submission(fixture, temp.resolve(fixture.name()));
        Map<String, List<PolicyFinding>> found = findings(submission, temp.resolve("classes-" + fixture.name()));
        if (api == null) {
          assertEquals(Map.of(), found, "an attack the run-time layers stop must pass the policy (or name its policy-api)");
          return;
        }
        List<PolicyFinding> attacked = found.getOrDefault(exercise, List.of());
        assertTrue(attacked.stream().anyMatch(f -> f.api().contains(api)),
            "a finding names " + api + " in " + exercise + ", found: " + attacked);
        assertEquals(List.of(exercise), List.copyOf(found.keySet()), "only the attacked exercise is refused");
      }));
    }
    assertTrue(tests.size() >= 20, "expected the attack fixtures, found " + tests.size());
    return tests.stream();
  }

  /**
   * What the policy costs on the solutions: the first check in a fresh policy (JDK class shapes not
   * yet read) and the median of later ones, per exercise. Printed for docs/SANDBOX.md.
   */
  @Test
  void measuresTheCheckOnTheSolutions() throws IOException {
    Path sources = FixtureLibrary.repo().resolve("solutions/src/main/java");
    CompileResult compiled = new SubmissionCompiler().compile(sources, rubric.exercises(), temp.resolve("timed"));
    BytecodePolicy fresh = BytecodePolicy.standard();
    StringBuilder report = new StringBuilder("POLICY TIME (ms, cold / warm median of 20):");
    for (ExerciseRubric exercise : rubric.exercises()) {
      Path classes = compiled.of(exercise.id()).orElseThrow().classesDirectory();
      String first = exercise.classes().get(0);
      String packageName = first.substring(0, first.lastIndexOf('.'));
      long start = System.nanoTime();
      assertTrue(fresh.check(classes, sources, packageName).passed());
      double cold = (System.nanoTime() - start) / 1e6;
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long again = System.nanoTime();
        fresh.check(classes, sources, packageName);
        warm.add((System.nanoTime() - again) / 1e6);
      }
      warm.sort(null);
      report.append(String.format(java.util.Locale.ROOT, " %s %.1f / %.1f;", exercise.id(), cold, warm.get(10)));
      assertTrue(warm.get(10) < 2_000, "a check takes milliseconds, took " + warm.get(10) + " ms");
    }
    System.out.println(report);
  }

  /** Compiles a submission like the grader does and checks every exercise that compiled: findings by exercise. */
  static Map<String, List<PolicyFinding>> findings(Path submission, Path classes) throws IOException {
    Path sources = submission.resolve("src/main/java");
    // Intake adds the provided classes a submission lacks (compare's Downloader); so does this.
    for (String provided : rubric.providedClasses()) {
      Path source = sources.resolve(provided.replace('.', '/') + ".java");
      if (Files.isDirectory(source.getParent()) && !Files.exists(source)) {
        Files.copy(FixtureLibrary.repo().resolve("grader/src/main/resources/grader/provided")
            .resolve(provided.replace('.', '/') + ".java"), source);
      }
    }
    CompileResult compiled = new SubmissionCompiler().compile(sources, rubric.exercises(), classes);
    Map<String, List<PolicyFinding>> found = new LinkedHashMap<>();
    for (ExerciseRubric exercise : rubric.exercises()) {
      ExerciseBuild build = compiled.of(exercise.id()).orElseThrow();
      if (build.status() != ExerciseStatus.GRADED) {
        throw new AssertionError(exercise.id() + " of " + submission + " did not compile: " + build.message());
      }
      String first = exercise.classes().get(0);
      PolicyResult result = POLICY.check(build.classesDirectory(), sources, first.substring(0, first.lastIndexOf('.')));
      assertTrue(result.classesChecked() >= exercise.classes().size(), "every contract class was read");
      if (!result.passed()) {
        found.put(exercise.id(), result.findings());
      }
    }
    return found;
  }
}
