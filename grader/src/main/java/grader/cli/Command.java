package grader.cli;

/**
 * One command of the command line ({@code grade}, {@code check}, ...): a class annotated with
 * picocli's {@code @Command} whose {@code @Option}/{@code @Parameters} fields are its options, each
 * declared once (its name, value, help text and default in one place). {@link Main} parses the
 * arguments into a fresh instance, then calls {@link #run}; adding a command is one class and one
 * line in {@link Main#commands()}.
 */
public interface Command {
  /** One line for the command list of {@code --help}. */
  String summary();

  /**
   * Runs the command; its option fields hold the parsed arguments.
   *
   * @return the exit status: {@link Main#OK}, or another documented status
   * @throws UsageException if the arguments are wrong (exit status 2)
   */
  int run(CommandContext context) throws Exception;
}
