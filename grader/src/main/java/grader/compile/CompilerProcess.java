package grader.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import grader.rubric.ExerciseRubric;
import grader.scorecard.ExerciseStatus;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Compiles a submission in a JVM of its own ({@link CompilerMain}), with a heap and a time limit:
 * javac runs no student code, but sources can make it use any amount of memory and time (constants
 * that double 39 times), and in the grader's JVM that would stall or kill every grading of a batch.
 * When the compiler runs out of either, each exercise that has sources is a compile error whose
 * message says which limit and after how long; exercises without sources stay missing.
 *
 * <p>Start-up cost: the JVM runs C1 only ({@code -XX:TieredStopAtLevel=1}) and the serial
 * collector, which suits a short javac run, and maps javac's classes from a class-data archive where
 * the grader has one ({@code grader.run.CompilerArchive}): about a third less CPU per compile
 * (docs/ENGINE.md gives the measured time).
 */
public final class CompilerProcess {
  /** The compiler's heap: a normal submission needs well under 100 MB. */
  public static final int HEAP_MEGABYTES = 512;

  /** Far above a normal compile (a few seconds even on a loaded machine). */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(120);

  private final Path javaLauncher;
  private final List<Path> classPath;
  private final int heapMegabytes;
  private final Duration timeLimit;
  private final Supplier<Optional<Path>> archive;
  private final List<String> extraOptions;

  /** A compiler JVM without a class-data archive of its own. */
  public CompilerProcess(Path javaLauncher, List<Path> classPath) {
    this(javaLauncher, classPath, Optional::empty);
  }

  /**
   * @param archive the class-data archive dumped for exactly this command ({@link #jvmOptions()}, the
   *     class path, the Java), asked before each JVM starts; empty to start without one
   */
  public CompilerProcess(Path javaLauncher, List<Path> classPath, Supplier<Optional<Path>> archive) {
    this(javaLauncher, classPath, HEAP_MEGABYTES, TIME_LIMIT, archive, List.of());
  }

  CompilerProcess(Path javaLauncher, List<Path> classPath, int heapMegabytes, Duration timeLimit) {
    this(javaLauncher, classPath, heapMegabytes, timeLimit, Optional::empty, List.of());
  }

  /** @param extraOptions more JVM options, after every other (tests: {@code -Xshare:on}, logging) */
  CompilerProcess(Path javaLauncher, List<Path> classPath, int heapMegabytes, Duration timeLimit,
      Supplier<Optional<Path>> archive, List<String> extraOptions) {
    this.javaLauncher = Objects.requireNonNull(javaLauncher, "javaLauncher must not be null");
    this.classPath = List.copyOf(classPath);
    this.heapMegabytes = heapMegabytes;
    this.timeLimit = timeLimit;
    this.archive = Objects.requireNonNull(archive, "archive must not be null");
    this.extraOptions = List.copyOf(extraOptions);
  }

  /**
   * The JVM options of every compiler JVM but its archive and class path. A class-data archive maps
   * only into a JVM with the same class path and collector, so its fingerprint covers these.
   */
  public List<String> jvmOptions() {
    return List.of("-Xmx" + heapMegabytes + "m", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xshare:auto", "-Duser.language=en");
  }

  /**
   * The command of one compiler JVM that reads {@code request} and writes {@code result}: the
   * launcher, {@link #jvmOptions()}, then {@code archiveOptions} (using or dumping an archive), the
   * class path and {@link CompilerMain}.
   */
  public List<String> command(List<String> archiveOptions, Path request, Path result) {
    List<String> command = new ArrayList<>();
    command.add(javaLauncher.toString());
    command.addAll(jvmOptions());
    command.addAll(archiveOptions);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    command.add(CompilerMain.class.getName());
    command.add(request.toString());
    command.add(result.toString());
    return command;
  }

  /**
   * Compiles like {@link SubmissionCompiler#compile}, in a child JVM; files of the exchange go to
   * {@code outputDirectory}. When the one pass over every source hits a limit, each exercise is
   * compiled alone in a JVM of its own, so only the exercises whose sources blow javac up fail
   * (with the limit in their message) and the others are graded as usual.
   *
   * @throws IOException if the compiler JVM cannot be started or fails for a reason of its own
   */
  public CompileResult compile(Path sourceRoot, List<ExerciseRubric> exercises, Path outputDirectory)
      throws IOException, InterruptedException {
    Files.createDirectories(outputDirectory);
    Attempt all = attempt(new CompileRequest(sourceRoot, exercises, outputDirectory, false), "all");
    if (all.result() != null) {
      return all.result();
    }
    List<ExerciseBuild> builds = new ArrayList<>();
    for (ExerciseRubric exercise : exercises) {
      if (!hasSources(sourceRoot, exercise)) {
        builds.add(SubmissionCompiler.missingWithoutSources(sourceRoot, exercise));
        continue;
      }
      Attempt alone = attempt(new CompileRequest(sourceRoot, List.of(exercise), outputDirectory, true), exercise.id());
      builds.add(alone.result() != null ? alone.result().of(exercise.id()).orElseThrow()
          : ExerciseBuild.failed(exercise.id(), ExerciseStatus.COMPILE_ERROR, alone.limitMessage(), List.of()));
    }
    return new CompileResult(builds);
  }

  /** A compiler JVM's answer: its result, or the sentence saying which limit it ran into. */
  private record Attempt(CompileResult result, String limitMessage) {}

  private Attempt attempt(CompileRequest compile, String tag) throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    Path dir = compile.outputDirectory();
    Path request = dir.resolve("compile-" + tag + "-request.json");
    Path result = dir.resolve("compile-" + tag + "-result.json");
    Path log = dir.resolve("compile-" + tag + "-output.txt");
    json.writeValue(request.toFile(), compile);
    List<String> command = command(startOptions(), request, result);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    long start = System.nanoTime();
    Process process = builder.start();
    boolean finished;
    try {
      finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!finished) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return new Attempt(null, String.format(Locale.ROOT,
          "does not compile: the compiler took longer than its limit of %d s and was stopped; some construct makes"
              + " javac work very hard (huge constant expressions, deeply nested generics): simplify it",
          timeLimit.toSeconds()));
    }
    String output = tail(log);
    if (process.exitValue() == 0 && Files.isRegularFile(result)) {
      return new Attempt(json.readValue(result.toFile(), CompileResult.class), null);
    }
    if (output.contains("OutOfMemoryError")) {
      return new Attempt(null, String.format(Locale.ROOT,
          "does not compile: the compiler ran out of its %d MB memory limit after %.1f s; some construct makes javac"
              + " build something huge (constants that double again and again, enormous expressions): simplify it",
          heapMegabytes, seconds));
    }
    throw new IOException("the compiler JVM failed (exit " + process.exitValue() + "): " + output);
  }

  /** The archive's options, if there is an archive now, then the extra options. */
  List<String> startOptions() {
    List<String> options = new ArrayList<>();
    archive.get().ifPresent(a -> {
      options.add("-XX:SharedArchiveFile=" + a);
      // With -Xshare:auto an archive that does not map costs only speed; its warnings would land in
      // the output that a failure message quotes.
      options.add("-Xlog:cds=off,cds+dynamic=off");
    });
    options.addAll(extraOptions);
    return options;
  }

  private static boolean hasSources(Path sourceRoot, ExerciseRubric exercise) throws IOException {
    Path folder = sourceRoot.resolve(SubmissionCompiler.packageFolder(exercise));
    return Files.isDirectory(folder) && hasJava(folder);
  }

  private static boolean hasJava(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      return files.anyMatch(p -> p.toString().endsWith(".java"));
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 2000 ? text.substring(text.length() - 2000) : text.strip();
    } catch (IOException e) {
      return "";
    }
  }
}
