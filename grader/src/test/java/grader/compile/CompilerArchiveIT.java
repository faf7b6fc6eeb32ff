package grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import grader.run.CompilerArchive;
import grader.run.GraderInstallation;
import grader.run.PrivateInstallation;
import grader.scorecard.ExerciseStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler's class-data archive: dumped once, and really mapped by the compiler JVM compiling
 * the reference solutions: {@code -Xshare:on} makes a JVM whose archive does not map fail to start,
 * and the class-loading log names the archive as the source of javac's and the grader's classes,
 * so a silent loss of class-data sharing fails this test. Runs on {@code -Dgrader.it.java} where
 * given (Temurin 25).
 */
class CompilerArchiveIT {
  private static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
  private static final String FROM_ARCHIVE = " source: shared objects file (top)";

  @TempDir Path temp;

  @Test // 2.5 to 4 s (a dump and a compile): in make test-fast too, like CdsArchiveIT, so a lost archive shows at once
  void isDumpedOnceAndTheCompilerJvmMapsJavacFromIt() throws Exception {
    GraderInstallation installation = PrivateInstallation.copy(temp.resolve("grader"));
    CompilerArchive archive = new CompilerArchive(installation);
    assertEquals(Optional.empty(), archive.existing());
    Path dumped = archive.ensure().orElseThrow(() -> new AssertionError("no compiler archive dumped"));
    assertTrue(Files.size(dumped) > 1_000_000, "an archive of javac's classes: " + Files.size(dumped));
    long before = Files.getLastModifiedTime(dumped).toMillis();
    assertEquals(Optional.of(dumped), archive.ensure());
    assertEquals(before, Files.getLastModifiedTime(dumped).toMillis(), "dumped once");

    Rubric rubric = RubricLoader.ofGrader().load();
    CompilerProcess strict = new CompilerProcess(installation.javaLauncher(), installation.classPath(),
        CompilerProcess.HEAP_MEGABYTES, CompilerProcess.TIME_LIMIT, archive::existing,
        List.of("-Xshare:on", "-Xlog:class+load"));
    CompileResult result = strict.compile(REPO.resolve("solutions/src/main/java"), rubric.exercises(),
        temp.resolve("out"));
    assertTrue(result.builds().stream().allMatch(b -> b.status() == ExerciseStatus.GRADED), result.toString());
    List<String> log = Files.readAllLines(temp.resolve("out/compile-all-output.txt"));
    for (String name : List.of("com.sun.tools.javac.main.JavaCompiler", "com.sun.tools.javac.comp.Attr",
        "com.fasterxml.jackson.databind.ObjectMapper", "grader.compile.SubmissionCompiler")) {
      assertTrue(log.stream().anyMatch(l -> l.endsWith("] " + name + FROM_ARCHIVE)), name + " from the archive: "
          + log.stream().filter(l -> l.contains("] " + name + " ")).toList());
    }
    long mapped = log.stream().filter(l -> l.endsWith(FROM_ARCHIVE)).count();
    assertTrue(mapped > 1000, mapped + " classes from the compiler's archive");
    System.out.println("COMPILE archive: " + mapped + " classes from " + dumped.getFileName() + " ("
        + Files.size(dumped) / 1_000_000 + " MB)");

    Files.setLastModifiedTime(installation.graderJar(), FileTime.fromMillis(before - 60_000));
    assertNotEquals(Optional.of(dumped), archive.existing(), "a rebuilt grader.jar never uses the old archive");
  }
}
