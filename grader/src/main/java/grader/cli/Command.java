package grader.cli;

import java.util.List;

/**
 * One command of the command line ({@code grade}, {@code check}, ...). {@link Main} dispatches by
 * {@link #name()}; adding a command is one class and one line in {@link Main#commands()}.
 */
public interface Command {
  String name();

  /** One line for the command list of {@code --help}. */
  String summary();

  /** The full usage text of {@code <command> --help}. */
  String usage();

  /**
   * Runs the command.
   *
   * @return the exit status: {@link Main#OK}, or another documented status
   * @throws UsageException if the arguments are wrong (exit status 2)
   */
  int run(List<String> arguments, CommandContext context) throws Exception;
}
