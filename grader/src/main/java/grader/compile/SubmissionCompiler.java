package grader.compile;

import grader.rubric.ExerciseRubric;
import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a submission with javac in this JVM (the grader runs it in a JVM of its own, {@link
 * CompilerProcess}) and checks each exercise against its contract,
 * without ever loading a student class.
 *
 * <p>Fast path: every source in one compilation. If that fails, each exercise is compiled on its
 * own (its package, plus whatever it uses from the source path), so a compile error in one
 * exercise leaves the others gradable. Then a contract probe per exercise (see {@link
 * ContractProbe}) is compiled against the classes: a missing class makes the exercise {@code
 * MISSING}, a wrong signature {@code COMPILE_ERROR}, each with a message naming what the contract (the skeleton's Javadoc)
 * expects.
 */
public final class SubmissionCompiler {
  /** Findings kept per exercise: the first ones are the useful ones. */
  static final int MAX_DIAGNOSTICS = 20;
  private static final String SOURCES_PREFIX = "src/main/java/";
  private static final java.util.regex.Pattern QUALIFIED =
      java.util.regex.Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)");

  private final JavaCompiler compiler;

  public SubmissionCompiler() {
    this.compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
          + ": run the grader with a JDK, not a JRE");
    }
  }

  /**
   * Compiles the sources under {@code sourceRoot} (a submission's {@code src/main/java}) into
   * folders under {@code outputDirectory}; one build per exercise, in the order given.
   */
  public CompileResult compile(Path sourceRoot, List<ExerciseRubric> exercises, Path outputDirectory)
      throws IOException {
    return compile(sourceRoot, exercises, outputDirectory, false);
  }

  /**
   * As {@link #compile(Path, List, Path)}; with {@code alone} each exercise is compiled on its own
   * at once, without the one pass over every source first (what {@link CompilerProcess} asks for
   * after the one pass ran out of memory or time, so the other exercises stay gradable).
   */
  public CompileResult compile(Path sourceRoot, List<ExerciseRubric> exercises, Path outputDirectory, boolean alone)
      throws IOException {
    List<Path> all = Files.isDirectory(sourceRoot) ? sources(sourceRoot) : List.of();
    try (Javac javac = new Javac(compiler)) {
      Run run = new Run(javac, sourceRoot, outputDirectory);
      Map<String, ExerciseBuild> builds = new LinkedHashMap<>();
      List<ExerciseRubric> present = new ArrayList<>();
      for (ExerciseRubric exercise : exercises) {
        if (run.sourcesOf(exercise, all).isEmpty()) {
          builds.put(exercise.id(), run.missing(exercise, exercise.classes()));
        } else {
          present.add(exercise);
        }
      }
      if (!present.isEmpty() && alone) {
        for (ExerciseRubric exercise : present) {
          builds.put(exercise.id(), run.compileAlone(exercise, all));
        }
      } else if (!present.isEmpty()) {
        Path shared = outputDirectory.resolve("classes");
        Javac.Outcome fast = javac.compile(all, List.of(), List.of(), List.of(), shared);
        if (fast.success()) {
          builds.putAll(run.checkContracts(present, shared));
        } else {
          for (ExerciseRubric exercise : present) {
            builds.put(exercise.id(), run.compileAlone(exercise, all));
          }
        }
      }
      return new CompileResult(exercises.stream().map(e -> builds.get(e.id())).toList());
    }
  }

  private static List<Path> sources(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  /**
   * The build of an exercise none of whose sources exist (the same whether javac ran or not):
   * missing, naming each absent class as the contract declares it.
   */
  static ExerciseBuild missingWithoutSources(Path sourceRoot, ExerciseRubric exercise) {
    String prefix = sourceRoot.endsWith(Path.of("src", "main", "java")) ? SOURCES_PREFIX : "";
    return missing(prefix, exercise, exercise.classes());
  }

  private static ExerciseBuild missing(String prefix, ExerciseRubric exercise, List<String> absent) {
    ContractProbe probe = ContractProbe.load(exercise.id()).orElse(null);
    String message = absent.stream()
        .map(c -> prefix + c.replace('.', '/') + ".java is missing: expected "
            + (probe == null ? "public class " + c : probe.declarationOf(c)))
        .collect(Collectors.joining("; "));
    return ExerciseBuild.failed(exercise.id(), ExerciseStatus.MISSING, message, List.of());
  }

  /** The folder of an exercise's package, from its contract classes: {@code exercises/threads}. */
  static String packageFolder(ExerciseRubric exercise) {
    String first = exercise.classes().isEmpty() ? "exercises." + exercise.id() + ".X" : exercise.classes().get(0);
    return first.substring(0, first.lastIndexOf('.')).replace('.', '/');
  }

  /** The compilations of one submission. */
  private static final class Run {
    private final Javac javac;
    private final Path sourceRoot;
    private final Path outputDirectory;
    private final String prefix;

    Run(Javac javac, Path sourceRoot, Path outputDirectory) {
      this.javac = javac;
      this.sourceRoot = sourceRoot;
      this.outputDirectory = outputDirectory;
      this.prefix = sourceRoot.endsWith(Path.of("src", "main", "java")) ? SOURCES_PREFIX : "";
    }

    List<Path> sourcesOf(ExerciseRubric exercise, List<Path> all) {
      Path folder = sourceRoot.resolve(packageFolder(exercise));
      return all.stream().filter(p -> p.startsWith(folder)).toList();
    }

    /**
     * The exercise's package alone; whatever else it uses comes from the source path, so a broken
     * file it does not use (another exercise's) cannot stop it.
     */
    ExerciseBuild compileAlone(ExerciseRubric exercise, List<Path> all) throws IOException {
      Path classes = outputDirectory.resolve("exercise-" + exercise.id());
      Javac.Outcome outcome = javac.compile(sourcesOf(exercise, all), List.of(), List.of(), List.of(sourceRoot), classes);
      if (!outcome.success()) {
        List<Diagnostic> diagnostics = diagnostics(outcome);
        return ExerciseBuild.failed(exercise.id(), ExerciseStatus.COMPILE_ERROR, compileErrorMessage(outcome, diagnostics),
            diagnostics);
      }
      return checkContracts(List.of(exercise), classes).get(exercise.id());
    }

    /** Probes every exercise whose classes are all there in one compilation, then attributes the errors. */
    Map<String, ExerciseBuild> checkContracts(List<ExerciseRubric> exercises, Path classes) throws IOException {
      Map<String, ExerciseBuild> builds = new LinkedHashMap<>();
      List<ContractProbe> probes = new ArrayList<>();
      for (ExerciseRubric exercise : exercises) {
        List<String> absent = exercise.classes().stream().filter(c -> !Files.isRegularFile(classFile(classes, c))).toList();
        Optional<ContractProbe> probe = ContractProbe.load(exercise.id());
        if (!absent.isEmpty()) {
          builds.put(exercise.id(), missing(exercise, absent));
        } else if (probe.isPresent()) {
          probes.add(probe.get());
        } else {
          builds.put(exercise.id(), ExerciseBuild.graded(exercise.id(), classes));
        }
      }
      if (probes.isEmpty()) {
        return builds;
      }
      Path probeOutput = outputDirectory.resolve("contract-probes");
      Javac.Outcome outcome = javac.compile(List.of(), probes.stream().map(ContractProbe::source).toList(),
          List.of(classes), List.of(), probeOutput);
      for (ContractProbe probe : probes) {
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors = outcome.diagnostics().stream()
            .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR && probe.isSource(d.getSource()))
            .toList();
        ExerciseRubric exercise = exercises.stream().filter(e -> e.id().equals(probe.exerciseId())).findFirst().orElseThrow();
        if (errors.isEmpty() && !outcome.success() && probes.size() > 1) {
          // A failed joint compilation may have stopped before this probe: decide it on its own.
          return checkEachAlone(exercises, classes, builds);
        }
        if (errors.isEmpty()) {
          builds.put(exercise.id(), ExerciseBuild.graded(exercise.id(), classes));
        } else {
          builds.put(exercise.id(), mismatch(exercise, probe, errors));
        }
      }
      return builds;
    }

    private Map<String, ExerciseBuild> checkEachAlone(List<ExerciseRubric> exercises, Path classes,
        Map<String, ExerciseBuild> decided) throws IOException {
      Map<String, ExerciseBuild> builds = new LinkedHashMap<>(decided);
      for (ExerciseRubric exercise : exercises) {
        if (!builds.containsKey(exercise.id())) {
          builds.putAll(checkContracts(List.of(exercise), classes));
        }
      }
      return builds;
    }

    ExerciseBuild missing(ExerciseRubric exercise, List<String> absent) {
      return SubmissionCompiler.missing(prefix, exercise, absent);
    }

    private ExerciseBuild mismatch(ExerciseRubric exercise, ContractProbe probe,
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (javax.tools.Diagnostic<? extends JavaFileObject> error : errors) {
        String javacSays = oneLine(simpleNames(error.getMessage(Locale.ENGLISH)));
        Optional<ContractProbe.Clause> clause = probe.clauseAt(error.getLineNumber());
        String className = clause.map(ContractProbe.Clause::className).orElse(exercise.classes().get(0));
        String expected = clause.map(ContractProbe.Clause::signature).orElse("the signatures its Javadoc states");
        if (seen.add(className + "\n" + javacSays)) { // "not public" is reported at the import and at each use
          diagnostics.add(new Diagnostic(prefix + className.replace('.', '/') + ".java", 0, 0, "error",
              "expected " + expected + " (javac: " + javacSays + ")"));
        }
      }
      List<Diagnostic> distinct = diagnostics.stream().limit(MAX_DIAGNOSTICS).toList();
      String message = distinct.isEmpty()
          ? "does not match the contract in its Javadoc"
          : distinct.get(0).file().substring(prefix.length()).replace('/', '.').replaceAll("\\.java$", "")
              + " does not match the contract in its Javadoc: " + distinct.get(0).message()
              + (distinct.size() > 1 ? " (and " + (distinct.size() - 1) + " more)" : "");
      return ExerciseBuild.failed(exercise.id(), ExerciseStatus.COMPILE_ERROR, message, distinct);
    }

    private List<Diagnostic> diagnostics(Javac.Outcome outcome) {
      List<Diagnostic> found = new ArrayList<>();
      for (javax.tools.Diagnostic<? extends JavaFileObject> d : outcome.diagnostics()) {
        if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
          found.add(new Diagnostic(relative(d.getSource()), Math.max(0, d.getLineNumber()),
              Math.max(0, d.getColumnNumber()), "error", simpleNames(d.getMessage(Locale.ENGLISH))));
        }
      }
      for (String className : outcome.reserved()) {
        found.add(new Diagnostic(prefix + className.replace('.', '/') + ".java", 0, 0, "error",
            "class " + className + " is in a package reserved for the grader and the JDK: use a package of your own"));
      }
      found.sort(Comparator.comparing(Diagnostic::file).thenComparingLong(Diagnostic::line)
          .thenComparingLong(Diagnostic::column));
      return found.stream().limit(MAX_DIAGNOSTICS).toList();
    }

    private String compileErrorMessage(Javac.Outcome outcome, List<Diagnostic> diagnostics) {
      long errors = outcome.diagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).count()
          + outcome.reserved().size();
      if (diagnostics.isEmpty()) {
        return "does not compile";
      }
      Diagnostic first = diagnostics.get(0);
      return "does not compile: " + errors + (errors == 1 ? " error" : " errors") + ", the first in " + first.file()
          + (first.line() > 0 ? " line " + first.line() : "") + ": " + firstLine(first.message());
    }

    private String relative(JavaFileObject source) {
      Path path = source == null ? null : javac.pathOf(source);
      if (path == null) {
        return source == null ? "" : source.getName();
      }
      return path.startsWith(sourceRoot) ? prefix + sourceRoot.relativize(path).toString().replace('\\', '/')
          : path.getFileName().toString();
    }
  }

  private static Path classFile(Path classes, String className) {
    return classes.resolve(className.replace('.', '/') + ".class");
  }

  /**
   * javac's message as its command line prints it: simple class names ({@code String}, not {@code
   * java.lang.String}), as the API spells them out in full.
   */
  static String simpleNames(String message) {
    return QUALIFIED.matcher(message).replaceAll("$1");
  }

  /** javac's message on one line: {@code cannot find symbol; symbol: method run(int); location: class A}. */
  private static String oneLine(String message) {
    return message.lines().map(l -> l.strip().replaceAll(";$", "")).filter(l -> !l.isEmpty()).collect(Collectors.joining("; "))
        .replaceAll("\\s+", " ");
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
