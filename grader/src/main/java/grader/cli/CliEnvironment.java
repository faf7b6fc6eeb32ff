package grader.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line runs in, passed in rather than read from globals so tests can set it.
 *
 * @param variables the environment variables ({@code NO_COLOR}, {@code COLUMNS}, {@code GRADER_DEBUG})
 * @param terminal whether standard output is a terminal (live progress, colour)
 * @param workingDirectory what relative paths are relative to
 */
public record CliEnvironment(Map<String, String> variables, boolean terminal, Path workingDirectory) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(workingDirectory, "workingDirectory must not be null");
  }

  /** Colour only on a terminal, and never when {@code NO_COLOR} is set (no-color.org) or {@code TERM=dumb}. */
  public boolean colour() {
    String noColour = variables.get("NO_COLOR");
    return terminal && (noColour == null || noColour.isEmpty()) && !"dumb".equals(variables.get("TERM"));
  }

  /** Terminal width from {@code COLUMNS}, else 80. */
  public int columns() {
    try {
      int columns = Integer.parseInt(variables.getOrDefault("COLUMNS", "80").trim());
      return columns >= 20 ? columns : 80;
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /** {@code GRADER_DEBUG=1} prints stack traces of internal errors. */
  public boolean debug() {
    String debug = variables.get("GRADER_DEBUG");
    return debug != null && !debug.isEmpty() && !debug.equals("0");
  }

  public Path resolve(String path) {
    return workingDirectory.resolve(path).normalize();
  }
}
