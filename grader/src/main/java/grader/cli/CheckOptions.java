package grader.cli;

import grader.scorecard.GradedBy;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The options of {@code check}: which exercises, which folder, where the scorecard goes. */
record CheckOptions(Path dir, Path out, Set<String> exercises, boolean keepWorkDir, Optional<GradedBy> gradedBy) {
  static final String DEFAULT_DIR = "exercises";
  static final String DEFAULT_OUT = "target/scorecard.json";

  CheckOptions {
    Objects.requireNonNull(dir, "dir must not be null");
    Objects.requireNonNull(out, "out must not be null");
    exercises = Set.copyOf(exercises);
  }

  static CheckOptions parse(List<String> arguments, CliEnvironment environment) throws UsageException {
    ArgumentReader reader = new ArgumentReader(arguments);
    String dir = DEFAULT_DIR;
    String out = DEFAULT_OUT;
    Set<String> exercises = new LinkedHashSet<>();
    boolean keepWorkDir = false;
    GradedByOptions gradedBy = new GradedByOptions();
    while (reader.hasNext()) {
      String argument = reader.next();
      switch (argument) {
        case "--exercise":
          String exercise = reader.value();
          // make check EX= passes an empty value: grade everything.
          if (!exercise.isBlank()) {
            exercises.add(exercise);
          }
          break;
        case "--dir":
          dir = reader.value();
          break;
        case "--out":
          out = reader.value();
          break;
        case "--keep-work-dir":
          reader.noValue();
          keepWorkDir = true;
          break;
        default:
          if (gradedBy.accept(argument, reader)) {
            break;
          }
          throw ArgumentReader.isOption(argument) ? ArgumentReader.unknown(argument)
              : new UsageException("check takes no submission (it grades --dir, default exercises/): got " + argument);
      }
    }
    return new CheckOptions(environment.resolve(dir), environment.resolve(out), exercises, keepWorkDir,
        gradedBy.build(Main.version()));
  }
}
