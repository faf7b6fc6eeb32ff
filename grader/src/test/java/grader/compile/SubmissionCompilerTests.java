package grader.compile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grader.rubric.ExerciseRubric;
import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionCompilerTests {
  static final List<ExerciseRubric> EXERCISES = List.of(
      new ExerciseRubric("threads", "Sleepy threads", "grader.suites.threads", List.of("exercises.threads.SleepyThreads"), List.of()),
      new ExerciseRubric("processes", "Sum of squares", "grader.suites.processes",
          List.of("exercises.processes.SquareSum", "exercises.processes.SquareSumWorker"), List.of()),
      new ExerciseRubric("async", "Concurrent requests", "grader.suites.async", List.of("exercises.async.ConcurrentFetcher"), List.of()),
      new ExerciseRubric("compare", "Three ways to download", "grader.suites.compare",
          List.of("exercises.compare.Downloader", "exercises.compare.ThreadDownloader", "exercises.compare.ProcessDownloader",
              "exercises.compare.DownloadWorker", "exercises.compare.AsyncDownloader", "exercises.compare.DownloadBenchmark"),
          List.of()));

  /** A minimal submission that keeps every contract (bodies do nothing useful: only signatures matter here). */
  static final Map<String, String> STUBS = Map.ofEntries(
      Map.entry("exercises/threads/SleepyThreads.java", """
          package exercises.threads;
          import java.io.PrintStream;
          import java.util.Random;
          public final class SleepyThreads {
            public static void run(int count, int minMillis, int maxMillis, Random random, PrintStream out)
                throws InterruptedException {}
            public static void main(String[] args) throws InterruptedException {}
          }
          """),
      Map.entry("exercises/processes/SquareSum.java", """
          package exercises.processes;
          import java.io.IOException;
          public final class SquareSum {
            public static long compute(int n, int workers) throws IOException, InterruptedException { return 0; }
            public static void main(String[] args) throws IOException, InterruptedException {}
          }
          """),
      Map.entry("exercises/processes/SquareSumWorker.java", """
          package exercises.processes;
          public final class SquareSumWorker {
            public static void main(String[] args) {}
          }
          """),
      Map.entry("exercises/async/ConcurrentFetcher.java", """
          package exercises.async;
          import java.net.URI;
          import java.net.http.HttpClient;
          import java.util.List;
          import java.util.concurrent.CompletableFuture;
          public final class ConcurrentFetcher {
            public static CompletableFuture<List<String>> fetchAll(HttpClient client, List<URI> uris) { return null; }
            public static void main(String[] args) throws Exception {}
          }
          """),
      Map.entry("exercises/compare/Downloader.java", """
          package exercises.compare;
          import java.io.IOException;
          import java.net.URI;
          import java.nio.file.Path;
          import java.util.List;
          public interface Downloader {
            List<Path> downloadAll(List<URI> urls, Path dir) throws IOException, InterruptedException;
          }
          """),
      Map.entry("exercises/compare/ThreadDownloader.java", downloader("ThreadDownloader", "int threads")),
      Map.entry("exercises/compare/ProcessDownloader.java", downloader("ProcessDownloader", "")),
      Map.entry("exercises/compare/AsyncDownloader.java", downloader("AsyncDownloader", "java.net.http.HttpClient client")),
      Map.entry("exercises/compare/DownloadWorker.java", """
          package exercises.compare;
          public final class DownloadWorker { public static void main(String[] args) {} }
          """),
      Map.entry("exercises/compare/DownloadBenchmark.java", """
          package exercises.compare;
          public final class DownloadBenchmark { public static void main(String[] args) throws Exception {} }
          """));

  @TempDir Path temp;
  private Path sources;
  private Path output;
  private final SubmissionCompiler compiler = new SubmissionCompiler();

  private static String downloader(String name, String parameters) {
    return """
        package exercises.compare;
        import java.net.URI;
        import java.nio.file.Path;
        import java.util.List;
        public final class %s implements Downloader {
          public %s(%s) {}
          @Override public List<Path> downloadAll(List<URI> urls, Path dir) { return List.of(); }
        }
        """.formatted(name, name, parameters);
  }

  @BeforeEach
  void writeStubs() throws IOException {
    sources = temp.resolve("submission/src/main/java");
    output = temp.resolve("build");
    for (Map.Entry<String, String> stub : STUBS.entrySet()) {
      write(stub.getKey(), stub.getValue());
    }
  }

  @Test
  void aCleanSubmissionCompilesInOnePass() throws IOException {
    CompileResult result = compiler.compile(sources, EXERCISES, output);

    assertEquals(EXERCISES.stream().map(ExerciseRubric::id).toList(),
        result.builds().stream().map(ExerciseBuild::exerciseId).toList());
    for (ExerciseBuild build : result.builds()) {
      assertEquals(ExerciseStatus.GRADED, build.status(), build.exerciseId() + ": " + build.message());
      assertEquals(output.resolve("classes"), build.classesDirectory());
      assertNull(build.message());
    }
    assertTrue(Files.isRegularFile(output.resolve("classes/exercises/threads/SleepyThreads.class")));
    assertTrue(Files.notExists(output.resolve("classes/graderprobe")), "probes never join the student's classes");
  }

  @Test
  void aCompileErrorInOneExerciseLeavesTheOthersGradable() throws IOException {
    write("exercises/threads/SleepyThreads.java", STUBS.get("exercises/threads/SleepyThreads.java")
        .replace("main(String[] args) throws InterruptedException {}", "main(String[] args) throws InterruptedException { int x = \"no\"; }"));

    CompileResult result = compiler.compile(sources, EXERCISES, output);

    ExerciseBuild threads = result.of("threads").orElseThrow();
    assertEquals(ExerciseStatus.COMPILE_ERROR, threads.status());
    assertNull(threads.classesDirectory());
    assertEquals(List.of(new Diagnostic("src/main/java/exercises/threads/SleepyThreads.java", 7, 80, "error",
        "incompatible types: String cannot be converted to int")), threads.diagnostics());
    assertEquals("does not compile: 1 error, the first in src/main/java/exercises/threads/SleepyThreads.java line 7: "
        + "incompatible types: String cannot be converted to int", threads.message());
    for (String id : List.of("processes", "async", "compare")) {
      ExerciseBuild build = result.of(id).orElseThrow();
      assertEquals(ExerciseStatus.GRADED, build.status(), id);
      assertEquals(output.resolve("exercise-" + id), build.classesDirectory());
      assertTrue(Files.notExists(build.classesDirectory().resolve("exercises/threads")), id + " has no threads classes");
    }
  }

  @Test
  void helpersOutsideTheExercisePackagesAreCompiledWhereUsedAndABrokenOneOnlyHurtsItsUsers() throws IOException {
    write("exercises/common/Names.java", "package exercises.common;\npublic final class Names { public static String of(String s) { return s; } }\n");
    write("exercises/common/Broken.java", "package exercises.common;\npublic final class Broken { int x = ; }\n");
    write("exercises/async/Extra.java", "package exercises.async;\nclass Extra { String n = exercises.common.Names.of(\"a\"); }\n");
    write("exercises/processes/Extra.java", "package exercises.processes;\nclass Extra { Object b = new exercises.common.Broken(); }\n");

    CompileResult result = compiler.compile(sources, EXERCISES, output);

    assertEquals(ExerciseStatus.GRADED, result.of("threads").orElseThrow().status());
    assertEquals(ExerciseStatus.GRADED, result.of("async").orElseThrow().status());
    assertTrue(Files.isRegularFile(output.resolve("exercise-async/exercises/common/Names.class")));
    ExerciseBuild processes = result.of("processes").orElseThrow();
    assertEquals(ExerciseStatus.COMPILE_ERROR, processes.status());
    assertEquals("src/main/java/exercises/common/Broken.java", processes.diagnostics().get(0).file());
  }

  @Test
  void aMissingExerciseOrClassIsMissingWithTheDeclarationExpected() throws IOException {
    Files.delete(sources.resolve("exercises/async/ConcurrentFetcher.java"));
    Files.delete(sources.resolve("exercises/processes/SquareSumWorker.java"));
    write("exercises/threads/SleepyThreads.java", STUBS.get("exercises/threads/SleepyThreads.java").replace("class SleepyThreads", "class Sleepy"));
    Files.move(sources.resolve("exercises/threads/SleepyThreads.java"), sources.resolve("exercises/threads/Sleepy.java"));

    CompileResult result = compiler.compile(sources, EXERCISES, output);

    assertAll(
        () -> assertEquals(new ExerciseBuild("async", ExerciseStatus.MISSING, null,
            "src/main/java/exercises/async/ConcurrentFetcher.java is missing: expected public final class exercises.async.ConcurrentFetcher",
            List.of()), result.of("async").orElseThrow()),
        () -> assertEquals("src/main/java/exercises/processes/SquareSumWorker.java is missing: "
            + "expected public final class exercises.processes.SquareSumWorker", result.of("processes").orElseThrow().message()),
        () -> assertEquals(ExerciseStatus.MISSING, result.of("processes").orElseThrow().status()),
        () -> assertEquals("src/main/java/exercises/threads/SleepyThreads.java is missing: "
            + "expected public final class exercises.threads.SleepyThreads", result.of("threads").orElseThrow().message()),
        () -> assertEquals(ExerciseStatus.GRADED, result.of("compare").orElseThrow().status()));
  }

  @Test
  void aWrongSignatureIsACompileErrorThatNamesTheContract() throws IOException {
    write("exercises/threads/SleepyThreads.java", STUBS.get("exercises/threads/SleepyThreads.java")
        .replace("int count, int minMillis", "int minMillis"));
    write("exercises/processes/SquareSum.java", STUBS.get("exercises/processes/SquareSum.java")
        .replace("public static long compute", "public static int compute"));
    write("exercises/async/ConcurrentFetcher.java", STUBS.get("exercises/async/ConcurrentFetcher.java")
        .replace("List<URI> uris) {", "List<URI> uris) throws java.io.IOException {"));
    write("exercises/compare/ThreadDownloader.java", downloader("ThreadDownloader", "int threads").replace(" implements Downloader", "")
        .replace("@Override ", ""));
    write("exercises/compare/DownloadWorker.java", "package exercises.compare;\nfinal class DownloadWorker { public static void main(String[] a) {} }\n");

    CompileResult result = compiler.compile(sources, EXERCISES, output);

    ExerciseBuild threads = result.of("threads").orElseThrow();
    assertEquals(ExerciseStatus.COMPILE_ERROR, threads.status());
    assertEquals("exercises.threads.SleepyThreads does not match the contract in its Javadoc: expected public static void "
        + "run(int count, int minMillis, int maxMillis, Random random, PrintStream out) throws InterruptedException "
        + "(javac: method run in class SleepyThreads cannot be applied to given types; "
        + "required: int,int,Random,PrintStream; found: int,int,int,Random,PrintStream; reason: actual and formal argument lists differ in length)", threads.message());
    assertEquals("src/main/java/exercises/threads/SleepyThreads.java", threads.diagnostics().get(0).file());
    assertTrue(result.of("processes").orElseThrow().message().contains("expected public static long compute(int n, int workers)"),
        result.of("processes").orElseThrow().message());
    assertTrue(result.of("async").orElseThrow().message().contains("expected public static CompletableFuture<List<String>> "
        + "fetchAll(HttpClient client, List<URI> uris) (javac: unreported exception IOException"),
        result.of("async").orElseThrow().message());
    List<String> compare = result.of("compare").orElseThrow().diagnostics().stream().map(Diagnostic::message).toList();
    assertEquals(2, compare.size(), compare.toString());
    assertTrue(compare.get(0).startsWith("expected public final class exercises.compare.DownloadWorker (javac: "
        + "DownloadWorker is not public in exercises.compare"), compare.toString());
    assertTrue(compare.get(1).startsWith("expected public ThreadDownloader(int threads), in a class that implements "
        + "Downloader (javac: incompatible types: ThreadDownloader cannot be converted to Downloader"), compare.toString());
  }

  @Test
  void diagnosticsAreCappedAndSorted() throws IOException {
    StringBuilder broken = new StringBuilder("package exercises.threads;\nclass Many {\n");
    for (int i = 0; i < 30; i++) {
      broken.append("  int f").append(i).append(" = \"x\";\n");
    }
    write("exercises/threads/Many.java", broken.append("}\n").toString());

    ExerciseBuild threads = compiler.compile(sources, EXERCISES, output).of("threads").orElseThrow();

    assertEquals(SubmissionCompiler.MAX_DIAGNOSTICS, threads.diagnostics().size());
    assertEquals(3, threads.diagnostics().get(0).line());
    assertEquals(22, threads.diagnostics().get(19).line());
    assertTrue(threads.message().startsWith("does not compile: 30 errors, the first in src/main/java/exercises/threads/Many.java line 3"),
        threads.message());
  }

  @Test
  void classesInReservedPackagesAreNeverWritten() throws IOException {
    // Intake refuses these; the compiler is the second guard should a declaration slip past it.
    write("exercises/threads/Sneaky.java", "package grader.suites.support;\npublic class Sneaky {}\n");

    CompileResult result = compiler.compile(sources, EXERCISES, output);

    ExerciseBuild threads = result.of("threads").orElseThrow();
    assertEquals(ExerciseStatus.COMPILE_ERROR, threads.status());
    assertEquals("class grader.suites.support.Sneaky is in a package reserved for the grader and the JDK: use a package of your own",
        threads.diagnostics().get(0).message());
    assertEquals(ExerciseStatus.GRADED, result.of("async").orElseThrow().status());
    try (var walk = Files.walk(output)) {
      assertTrue(walk.noneMatch(p -> p.toString().contains("/grader/")), "no class in package grader was written");
    }
  }

  @Test
  void javacNeverWritesToTheConsole() throws IOException {
    write("exercises/threads/SleepyThreads.java", "package exercises.threads;\npublic final class SleepyThreads { syntax error }\n");
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(console, true)) {
      System.setOut(capture);
      System.setErr(capture);
      compiler.compile(sources, EXERCISES, output);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", console.toString());
  }

  @Test
  void noSourcesAtAllIsMissingEverywhere() throws IOException {
    CompileResult result = compiler.compile(temp.resolve("nothing/src/main/java"), EXERCISES, output);

    for (ExerciseBuild build : result.builds()) {
      assertEquals(ExerciseStatus.MISSING, build.status());
    }
  }

  @Test
  void theReferenceSolutionsKeepEveryContract() throws IOException {
    Path solutions = Path.of(System.getProperty("grader.repo", "..")).resolve("solutions/src/main/java").toAbsolutePath().normalize();
    assumeTrue(Files.isDirectory(solutions.resolve("exercises/compare")), "solutions/ is not there yet");

    CompileResult result = compiler.compile(solutions, EXERCISES, output);

    for (ExerciseBuild build : result.builds()) {
      assertEquals(ExerciseStatus.GRADED, build.status(), build.exerciseId() + ": " + build.message() + " " + build.diagnostics());
    }
    assertNotEquals(0, Files.size(output.resolve("classes/exercises/compare/ThreadDownloader.class")));
  }

  private void write(String path, String content) throws IOException {
    Path file = sources.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
