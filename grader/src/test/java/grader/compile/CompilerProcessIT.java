package grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import grader.scorecard.ExerciseStatus;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler's own JVM: the same builds as in-process, and its limits hold against a javac heap bomb. */
class CompilerProcessIT {
  private static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static final List<Path> CLASS_PATH = Arrays.stream(System.getProperty("java.class.path")
      .split(File.pathSeparator)).map(Path::of).toList();

  @TempDir Path temp;

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void givesTheSameBuildsAsTheCompilerInThisJvm() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    Path sources = REPO.resolve("solutions/src/main/java");
    long start = System.nanoTime();
    CompileResult child = new CompilerProcess(JAVA, CLASS_PATH).compile(sources, rubric.exercises(), temp.resolve("a"));
    long childMs = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    CompileResult here = new SubmissionCompiler().compile(sources, rubric.exercises(), temp.resolve("b"));
    long hereMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(here.builds().stream().map(b -> b.exerciseId() + " " + b.status()).toList(),
        child.builds().stream().map(b -> b.exerciseId() + " " + b.status()).toList());
    child.builds().forEach(b -> assertTrue(Files.isDirectory(b.classesDirectory()), b.toString()));
    System.out.println("COMPILE solutions: own JVM " + childMs + " ms, in this JVM " + hereMs + " ms");
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void aHeapBombRunsTheCompilerOutOfItsMemoryNotTheGrader() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    Path sources = bomb();
    CompileResult result = new CompilerProcess(JAVA, CLASS_PATH).compile(sources, rubric.exercises(), temp.resolve("out"));
    ExerciseBuild threads = result.of("threads").orElseThrow();
    assertEquals(ExerciseStatus.COMPILE_ERROR, threads.status(), threads.toString());
    assertTrue(threads.message().startsWith("does not compile: the compiler ran out of its 512 MB memory limit after "),
        threads.message());
    assertEquals(ExerciseStatus.MISSING, result.of("async").orElseThrow().status());
    System.out.println("COMPILE heap bomb: " + threads.message());
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void theOtherExercisesStayGradableWhenOneBlowsTheCompilerUp() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    Path sources = bomb();
    Path async = REPO.resolve("solutions/src/main/java/exercises/async");
    Path target = sources.resolve("exercises/async");
    Files.createDirectories(target);
    try (var files = Files.list(async)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName().toString()));
      }
    }
    CompileResult result = new CompilerProcess(JAVA, CLASS_PATH).compile(sources, rubric.exercises(), temp.resolve("mixed"));
    assertEquals(ExerciseStatus.COMPILE_ERROR, result.of("threads").orElseThrow().status());
    assertEquals(ExerciseStatus.GRADED, result.of("async").orElseThrow().status(), result.toString());
  }

  @Test
  void aCompilerThatTakesTooLongIsStopped() throws Exception {
    Rubric rubric = RubricLoader.ofGrader().load();
    CompileResult result = new CompilerProcess(JAVA, CLASS_PATH, 4096, Duration.ofSeconds(1))
        .compile(bomb(), rubric.exercises(), temp.resolve("slow"));
    String message = result.of("threads").orElseThrow().message();
    assertTrue(message.startsWith("does not compile: the compiler took longer than its limit of 1 s"), message);
  }

  private Path bomb() throws Exception {
    Path fixture = REPO.resolve("grader/src/test/fixtures/attack/javac-heap-bomb/src/main/java");
    Path sources = temp.resolve("bomb/src/main/java/exercises/threads");
    Files.createDirectories(sources);
    Files.copy(fixture.resolve("exercises/threads/SleepyThreads.java"), sources.resolve("SleepyThreads.java"));
    return temp.resolve("bomb/src/main/java");
  }
}
