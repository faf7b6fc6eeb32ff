package grader.grading;

import grader.rubric.RubricLoader;
import grader.run.GraderInstallation;
import grader.run.PrivateInstallation;
import grader.sandbox.ProcessSandbox;
import grader.sandbox.ResourceLimits;
import grader.sandbox.Sandbox;
import grader.sandbox.Sandboxes;
import grader.scorecard.ExerciseResult;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds submissions from the fixtures the way the fixture READMEs describe: a copy of the repo's
 * {@code solutions/} (sources and REPORT.md) with a fixture's files laid over it, and a grader that
 * grades them through a private copy of the built grader.jar, in the strongest sandbox available
 * (or the process fallback with {@code -Dgrader.it.sandbox=process}).
 */
final class FixtureSubmissions {
  /** Files of a fixture folder that describe it instead of being part of the submission. */
  static final Set<String> META = Set.of("expected-failures.txt", "expected.json", "remove.txt", "README.md");

  private FixtureSubmissions() {}

  static Path repo() {
    return Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
  }

  static Path fixtures(String kind) {
    return repo().resolve("grader/src/test/fixtures").resolve(kind);
  }

  /** The fixture folders of one kind, sorted by name; none if the kind has no folder yet. */
  static List<Path> folders(String kind) throws IOException {
    Path root = fixtures(kind);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** {@code solutions/} (src and REPORT.md), then the fixture's files on top, minus {@code remove.txt}. */
  static Path overlay(Path fixture, Path into) throws IOException {
    Path solutions = repo().resolve("solutions");
    copyTree(solutions.resolve("src"), into.resolve("src"));
    if (Files.isRegularFile(solutions.resolve("REPORT.md"))) {
      Files.copy(solutions.resolve("REPORT.md"), into.resolve("REPORT.md"), StandardCopyOption.REPLACE_EXISTING);
    }
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = fixture.relativize(file);
        if (relative.getNameCount() == 1 && META.contains(relative.toString())) {
          continue;
        }
        Path target = into.resolve(relative.toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path remove = fixture.resolve("remove.txt");
    if (Files.isRegularFile(remove)) {
      for (String line : Files.readAllLines(remove)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          Files.deleteIfExists(into.resolve(line.strip()));
        }
      }
    }
    return into;
  }

  /** A full submission: the fixture as it is, with solutions' REPORT.md if it brings none. */
  static Path complete(Path fixture, Path into) throws IOException {
    copyTree(fixture, into);
    Path report = repo().resolve("solutions/REPORT.md");
    if (!Files.exists(into.resolve("REPORT.md")) && Files.isRegularFile(report)) {
      Files.copy(report, into.resolve("REPORT.md"));
    }
    return into;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** A grader over a private copy of grader/target, with the grader's own rubric. */
  static Grader grader(Path workRoot) throws Exception {
    GraderInstallation installation = PrivateInstallation.copy(workRoot.resolve("installation"));
    ResourceLimits limits = ResourceLimits.defaults();
    Sandbox sandbox;
    if ("process".equals(System.getProperty("grader.it.sandbox"))) {
      sandbox = ProcessSandbox.detect();
    } else {
      sandbox = Sandboxes.best(false, limits, new PrintWriter(new StringWriter()));
    }
    GraderSetup setup = GraderSetup.builder(installation, RubricLoader.ofGrader().load(), sandbox)
        .workRoot(workRoot.resolve("runs"), false).build();
    return new Grader(setup);
  }

  /** Every test of every exercise, one line each, for failure messages. */
  static String describe(Scorecard scorecard) {
    StringBuilder text = new StringBuilder();
    for (ExerciseResult exercise : scorecard.exercises()) {
      text.append(exercise.id()).append(": ").append(exercise.status().id()).append(' ')
          .append(exercise.score()).append('/').append(exercise.maxScore())
          .append(exercise.message() == null ? "" : " -- " + exercise.message()).append('\n');
      for (TestResult test : exercise.tests()) {
        text.append("  ").append(test.id()).append(": ").append(test.status().id());
        if (test.status() != TestStatus.PASSED && test.message() != null) {
          text.append(" -- ").append(shorten(test.message()));
        }
        text.append('\n');
      }
    }
    if (!scorecard.warnings().isEmpty()) {
      text.append("warnings: ").append(String.join(" | ", scorecard.warnings())).append('\n');
    }
    return text.toString();
  }

  static String shorten(String message) {
    String oneLine = message.replace('\n', ' ');
    return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
  }

  static Set<String> notPassed(ExerciseResult exercise) {
    return exercise.tests().stream().filter(t -> t.status() != TestStatus.PASSED).map(TestResult::id)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
