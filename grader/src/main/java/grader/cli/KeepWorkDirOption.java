package grader.cli;

import picocli.CommandLine.Option;

/** {@code --keep-work-dir}, shared by {@code check} and {@code grade} (a picocli mixin): for debugging the engine. */
final class KeepWorkDirOption {
  @Option(names = "--keep-work-dir", description = "keep the private work folders and say where they are (debugging)")
  private boolean keep;

  /** Whether the private work folders stay on disk after grading. */
  boolean keep() {
    return keep;
  }
}
