package grader.cli;

import java.util.List;

/**
 * Walks a command's arguments: {@code --flag}, {@code --option value}, {@code --option=value} and
 * positionals. Every argument must be consumed by the command: an unknown flag is an error, never
 * ignored.
 */
final class ArgumentReader {
  private final List<String> arguments;
  private int position;
  private String inlineValue;
  private String current;

  ArgumentReader(List<String> arguments) {
    this.arguments = List.copyOf(arguments);
  }

  boolean hasNext() {
    return position < arguments.size();
  }

  /** The next argument; for {@code --name=value}, just {@code --name} (the value comes from {@link #value}). */
  String next() {
    String argument = arguments.get(position++);
    inlineValue = null;
    if (argument.startsWith("--") && argument.contains("=")) {
      inlineValue = argument.substring(argument.indexOf('=') + 1);
      argument = argument.substring(0, argument.indexOf('='));
    }
    current = argument;
    return argument;
  }

  static boolean isOption(String argument) {
    return argument.startsWith("-") && !argument.equals("-");
  }

  /** The value of the option just read. */
  String value() throws UsageException {
    if (inlineValue != null) {
      if (inlineValue.isEmpty()) {
        throw new UsageException(current + " needs a value");
      }
      return inlineValue;
    }
    if (!hasNext() || isOption(arguments.get(position))) {
      throw new UsageException(current + " needs a value");
    }
    return arguments.get(position++);
  }

  /** For flags without a value: {@code --flag=x} is an error. */
  void noValue() throws UsageException {
    if (inlineValue != null) {
      throw new UsageException(current + " takes no value");
    }
  }

  static UsageException unknown(String argument) {
    return new UsageException("unknown option " + argument);
  }
}
