package grader.cli;

import picocli.CommandLine.Option;

/**
 * {@code --require-sandbox}, shared by {@code grade} and {@code batch} (a picocli mixin): what an
 * instructor grading others' code passes, so a machine without bubblewrap fails instead of running
 * student code in plain processes.
 */
final class RequireSandboxOption {
  @Option(names = "--require-sandbox",
      description = "fail instead of running student code without the bubblewrap sandbox")
  private boolean required;

  /** Whether grading without the sandbox is refused. */
  boolean required() {
    return required;
  }
}
