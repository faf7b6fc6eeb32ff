package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.compile.CompileResult;
import grader.compile.ExerciseBuild;
import grader.compile.SubmissionCompiler;
import grader.policy.BytecodePolicy;
import grader.policy.PolicyFinding;
import grader.policy.PolicyResult;
import grader.rubric.ExerciseRubric;
import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import grader.scorecard.ExerciseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
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
    Path submission = FixtureSubmissions.repo().resolve("solutions");
    assertEquals(Map.of(), findings(submission, temp.resolve("classes")), "findings in solutions/");
  }

  @Test
  void theSkeletonsPass() throws IOException {
    Path submission = FixtureSubmissions.repo().resolve("exercises");
    assertEquals(Map.of(), findings(submission, temp.resolve("classes")), "findings in exercises/");
  }

  @TestFactory
  Stream<DynamicTest> everyGoodFixturePasses() throws IOException {
    return FixtureSubmissions.folders("good").stream().map(fixture -> DynamicTest.dynamicTest(
        fixture.getFileName().toString(), () -> {
          Path submission = FixtureSubmissions.complete(fixture, temp.resolve(fixture.getFileName().toString()));
          assertEquals(Map.of(), findings(submission, temp.resolve("classes-" + fixture.getFileName())));
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyBadFixturePasses() throws IOException {
    return FixtureSubmissions.folders("bad").stream().map(fixture -> DynamicTest.dynamicTest(
        fixture.getFileName().toString(), () -> {
          Path submission = FixtureSubmissions.overlay(fixture, temp.resolve(fixture.getFileName().toString()));
          assertEquals(Map.of(), findings(submission, temp.resolve("classes-" + fixture.getFileName())),
              "a known-bad fixture must fail its tests, not the policy");
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyAttackIsRefusedForItsPolicyApiOrPassesThePolicy() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path fixture : FixtureSubmissions.folders("attack")) {
      Properties properties = attackProperties(fixture);
      String api = properties.getProperty("policy-api");
      String exercise = properties.getProperty("exercise");
      tests.add(DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> {
        if ("false".equals(properties.getProperty("compiles"))) {
          return; // an attack on the compiler itself (AttackIT grades it): there are no class files to check
        }
        Path submission = overlayAttack(fixture, temp.resolve(fixture.getFileName().toString()));
        Map<String, List<PolicyFinding>> found = findings(submission, temp.resolve("classes-" + fixture.getFileName()));
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
    Path sources = FixtureSubmissions.repo().resolve("solutions/src/main/java");
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
        Files.copy(FixtureSubmissions.repo().resolve("grader/src/main/resources/grader/provided")
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

  private static Properties attackProperties(Path fixture) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(fixture.resolve("attack.properties"))) {
      properties.load(in);
    }
    return properties;
  }

  /** An attack overlay: its {@code src} over a copy of the solutions (as AttackIT lays it). */
  private static Path overlayAttack(Path fixture, Path into) throws IOException {
    Path solutions = FixtureSubmissions.repo().resolve("solutions");
    FixtureSubmissions.copyTree(solutions.resolve("src"), into.resolve("src"));
    try (Stream<Path> files = Files.walk(fixture.resolve("src"))) {
      for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        Path target = into.resolve(fixture.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return into;
  }
}
