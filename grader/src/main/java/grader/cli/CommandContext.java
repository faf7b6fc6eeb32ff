package grader.cli;

import java.io.PrintWriter;
import java.util.Objects;

/** What a command may use: the two output streams, its environment and the engine. */
public record CommandContext(PrintWriter out, PrintWriter err, CliEnvironment environment, GraderFactory graders) {
  public CommandContext {
    Objects.requireNonNull(out, "out must not be null");
    Objects.requireNonNull(err, "err must not be null");
    Objects.requireNonNull(environment, "environment must not be null");
    Objects.requireNonNull(graders, "graders must not be null");
  }
}
