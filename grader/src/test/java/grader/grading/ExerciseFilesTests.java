package grader.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import grader.rubric.ExerciseRubric;
import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rubric index is the list of exercises, and every exercise in it has all its parts: the
 * skeleton and the solution of each contract class, a suite, its export to JUnit, a contract probe,
 * a line in the student guide, and a bad fixture (that each test catches one is
 * {@link FixtureCoverageTests}'s job). The provided classes are the same bytes everywhere.
 * CONTRIBUTING.md, "Adding an exercise", lists the same parts.
 */
class ExerciseFilesTests {
  private static final Path REPO = FixtureLibrary.repo();

  @Test
  void everyExerciseOfTheIndexHasAllItsParts() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    String moduleInfo = Files.readString(REPO.resolve("harness/src/main/java/module-info.java"));
    String guide = Files.readString(REPO.resolve("exercises/README.md"));
    List<String> missing = new ArrayList<>();
    for (ExerciseRubric exercise : rubric.exercises()) {
      String id = exercise.id();
      for (String name : exercise.classes()) {
        String source = name.replace('.', '/') + ".java";
        require(missing, "exercises/src/main/java/" + source, "skeleton of " + name);
        require(missing, "solutions/src/main/java/" + source, "solution of " + name);
      }
      Path suite = REPO.resolve("harness/src/main/java/" + exercise.suite().replace('.', '/'));
      if (!Files.isDirectory(suite) || list(suite).stream().noneMatch(f -> f.endsWith("Suite.java"))) {
        missing.add(id + ": no *Suite.java in " + REPO.relativize(suite));
      }
      if (!moduleInfo.contains("exports " + exercise.suite() + " to ")) {
        missing.add(id + ": harness/src/main/java/module-info.java does not export " + exercise.suite() + " to JUnit");
      }
      require(missing, "grader/src/main/resources/grader/contract/" + id + "/Contract.java", "contract probe of " + id);
      if (!guide.contains(id)) {
        missing.add(id + ": exercises/README.md does not mention it");
      }
      if (FixtureLibrary.all(FixtureKind.BAD).stream().noneMatch(f -> f.name().startsWith(id + "-"))) {
        missing.add(id + ": no bad fixture grader/src/test/fixtures/bad/" + id + "-<mistake>/");
      }
    }
    assertEquals(List.of(), missing, "parts of exercises of grader/rubric/index.json that are missing");
  }

  @Test
  void everyProvidedClassIsTheSameBytesInTheSkeletonTheSolutionAndTheGrader() throws Exception {
    for (String name : RubricLoader.ofGrader().load().providedClasses()) {
      String source = name.replace('.', '/') + ".java";
      byte[] skeleton = Files.readAllBytes(REPO.resolve("exercises/src/main/java/" + source));
      assertArrayEquals(skeleton, Files.readAllBytes(REPO.resolve("solutions/src/main/java/" + source)),
          "solutions/ has another " + name + " than exercises/");
      assertArrayEquals(skeleton, Files.readAllBytes(REPO.resolve("grader/src/main/resources/grader/provided/" + source)),
          "the grader's copy of " + name + " (grader/src/main/resources/grader/provided/) differs from exercises/");
    }
  }

  private static void require(List<String> missing, String path, String what) {
    if (!Files.isRegularFile(REPO.resolve(path))) {
      missing.add(path + " (" + what + ")");
    }
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }
}
