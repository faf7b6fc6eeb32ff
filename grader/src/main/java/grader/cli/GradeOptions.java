package grader.cli;

import grader.scorecard.GradedBy;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code grade}, parsed and resolved against the working directory.
 *
 * @param id the submission's name in the scorecard (default: the folder or zip name)
 */
record GradeOptions(
    Path submission,
    Path out,
    String id,
    Set<String> exercises,
    Optional<Path> junitXml,
    Optional<Path> markdown,
    Optional<Path> gradescope,
    Optional<Path> html,
    boolean keepWorkDir,
    boolean requireSandbox,
    boolean requireFullMarks,
    Optional<GradedBy> gradedBy) {

  GradeOptions {
    Objects.requireNonNull(submission, "submission must not be null");
    Objects.requireNonNull(out, "out must not be null");
    exercises = Set.copyOf(exercises);
  }

  static GradeOptions parse(List<String> arguments, CliEnvironment environment) throws UsageException {
    ArgumentReader reader = new ArgumentReader(arguments);
    String submission = null;
    String out = null;
    String id = null;
    Set<String> exercises = new LinkedHashSet<>();
    String junitXml = null;
    String markdown = null;
    String gradescope = null;
    String html = null;
    boolean keepWorkDir = false;
    boolean requireSandbox = false;
    boolean requireFullMarks = false;
    GradedByOptions gradedBy = new GradedByOptions();
    while (reader.hasNext()) {
      String argument = reader.next();
      switch (argument) {
        case "--out":
          out = reader.value();
          break;
        case "--id":
          id = reader.value();
          break;
        case "--exercise":
          exercises.add(reader.value());
          break;
        case "--junit-xml":
          junitXml = reader.value();
          break;
        case "--markdown":
          markdown = reader.value();
          break;
        case "--gradescope":
          gradescope = reader.value();
          break;
        case "--html":
          html = reader.value();
          break;
        case "--keep-work-dir":
          reader.noValue();
          keepWorkDir = true;
          break;
        case "--require-sandbox":
          reader.noValue();
          requireSandbox = true;
          break;
        case "--require-full-marks":
          reader.noValue();
          requireFullMarks = true;
          break;
        default:
          if (gradedBy.accept(argument, reader)) {
            break;
          }
          if (ArgumentReader.isOption(argument)) {
            throw ArgumentReader.unknown(argument);
          }
          if (submission != null) {
            throw new UsageException("one submission at a time: got " + submission + " and " + argument
                + " (to grade many, use batch)");
          }
          submission = argument;
      }
    }
    if (submission == null) {
      throw new UsageException("missing the submission to grade (a folder or a .zip)");
    }
    if (out == null) {
      throw new UsageException("missing --out <scorecard.json>: where to write the scorecard");
    }
    Path submissionPath = environment.resolve(submission);
    return new GradeOptions(submissionPath, environment.resolve(out), id != null ? id : defaultId(submissionPath),
        exercises, optional(junitXml, environment), optional(markdown, environment), optional(gradescope, environment),
        optional(html, environment), keepWorkDir, requireSandbox, requireFullMarks, gradedBy.build(Main.version()));
  }

  /** The folder or zip name, without {@code .zip}. */
  static String defaultId(Path submission) {
    Path name = submission.getFileName();
    String id = name == null ? "submission" : name.toString();
    return id.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? id.substring(0, id.length() - 4) : id;
  }

  private static Optional<Path> optional(String path, CliEnvironment environment) {
    return Optional.ofNullable(path).map(environment::resolve);
  }
}
