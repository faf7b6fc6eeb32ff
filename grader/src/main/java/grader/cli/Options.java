package grader.cli;

import java.nio.file.Path;
import java.util.List;

/** Checks of option values picocli cannot express with the message this command line gives. */
final class Options {
  private Options() {}

  /** A path option's value resolved against the working directory; {@code --out=} is an error. */
  static Path path(String option, String value, CliEnvironment environment) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException(option + " needs a value");
    }
    return environment.resolve(value);
  }

  /** A required option's value, or a usage error that says what it is for. */
  static Path required(String option, String value, String what, CliEnvironment environment) throws UsageException {
    if (value == null) {
      throw new UsageException("missing " + option + ": " + what);
    }
    return path(option.split(" ")[0], value, environment);
  }

  /** The one positional argument, or a usage error naming what is missing or extra. */
  static String single(List<String> positionals, String missing, String several) throws UsageException {
    if (positionals.isEmpty()) {
      throw new UsageException(missing);
    }
    if (positionals.size() > 1) {
      throw new UsageException(several.formatted(positionals.get(0), positionals.get(1)));
    }
    return positionals.get(0);
  }
}
