package grader.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import grader.rubric.RubricException;
import grader.rubric.RubricLoader;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The grader's command line: {@code java -jar grader.jar <command> [options]}. Takes its output
 * writers and environment in the constructor; only {@link #main} touches the real streams and
 * exits.
 *
 * <p>Exit status: {@value #OK} graded (whatever the score), {@value #INTERNAL_ERROR} the grader or
 * the machine failed, {@value #USAGE} wrong usage, {@value #BELOW_FULL_MARKS} below full marks
 * with {@code --require-full-marks}, {@value #NOT_VERIFIED} a scorecard that {@code verify} rejects.
 */
public final class Main {
  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int USAGE = 2;
  public static final int BELOW_FULL_MARKS = 3;
  public static final int NOT_VERIFIED = 4;

  private final PrintWriter out;
  private final PrintWriter err;
  private final CliEnvironment environment;
  private final GraderFactory graders;

  public Main(PrintWriter out, PrintWriter err, CliEnvironment environment) {
    this(out, err, environment, new InstalledGraderFactory());
  }

  /** With another engine, e.g. a fake that returns a fixed scorecard (tests). */
  public Main(PrintWriter out, PrintWriter err, CliEnvironment environment, GraderFactory graders) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.graders = graders;
  }

  /** The commands, in the order {@code --help} lists them. A new command is one more entry here. */
  static List<Command> commands() {
    return List.of(new CheckCommand(), new GradeCommand(), new BatchCommand(), new MergeCommand(), new VerifyCommand(),
        new DistCommand());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    CliEnvironment environment =
        new CliEnvironment(System.getenv(), attachedToTerminal(), Path.of("").toAbsolutePath());
    int status = new Main(out, err, environment).run(args);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs one command line and returns its exit status; never throws. */
  public int run(String... args) {
    List<String> arguments = Arrays.asList(args);
    CommandLine line = null;
    try {
      if (arguments.isEmpty()) {
        throw new UsageException("missing a command");
      }
      String first = arguments.get(0);
      if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
        out.print(arguments.size() > 1 && !first.startsWith("-") ? usage(parser(find(arguments.get(1)))) : help());
        return OK;
      }
      if (first.equals("--version") || first.equals("-V")) {
        out.println("concurrency-grader " + version() + " (Java " + System.getProperty("java.version") + ")");
        return OK;
      }
      Command command = find(first);
      line = parser(command);
      List<String> rest = arguments.subList(1, arguments.size());
      if (rest.contains("--help") || rest.contains("-h")) {
        out.print(usage(line));
        return OK;
      }
      try {
        line.parseArgs(rest.toArray(String[]::new));
      } catch (ParameterException e) {
        throw new UsageException(UsageMessages.of(e));
      }
      return command.run(new CommandContext(out, err, environment, graders));
    } catch (UsageException e) {
      err.println("grader: " + e.getMessage());
      err.println();
      err.print(line == null ? help() : usage(line));
      return USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("grader: interrupted");
      return INTERNAL_ERROR;
    } catch (Exception | Error e) {
      err.println("grader: " + describe(e));
      if (environment.debug()) {
        e.printStackTrace(err);
      } else {
        err.println("(set GRADER_DEBUG=1 for the stack trace)");
      }
      return INTERNAL_ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static Command find(String name) throws UsageException {
    Optional<Command> found = commands().stream().filter(c -> name(c).equals(name)).findFirst();
    if (found.isEmpty()) {
      throw new UsageException(name.startsWith("-") ? "unknown option " + name : "unknown command " + name);
    }
    return found.get();
  }

  /** The command's name, from its {@code @Command} annotation (the one place it is declared). */
  static String name(Command command) {
    return command.getClass().getAnnotation(CommandLine.Command.class).name();
  }

  /**
   * The parser of one command: options are case-sensitive, {@code --opt value} and {@code --opt=value}
   * both work, a repeated single-valued option takes the last value (as before picocli), and an
   * option name is never taken as another option's value.
   */
  static CommandLine parser(Command command) {
    CommandLine line = new CommandLine(command);
    line.setOverwrittenOptionsAllowed(true);
    line.setUnmatchedArgumentsAllowed(false);
    line.setUsageHelpWidth(100);
    line.setUsageHelpLongOptionsMaxWidth(24);
    line.getCommandSpec().usageMessage().optionListHeading("%nOptions:%n").descriptionHeading("%n").sortOptions(false);
    if (line.getCommandSpec().findOption("--exercise") != null) {
      line.getCommandSpec().usageMessage().footer(exercisesFooter());
    }
    return line;
  }

  /**
   * The usage text of {@code <command> --help}, generated from the command's declarations, from a
   * fresh instance (so defaults show as declared, not as just parsed) and written {@code --out FILE}
   * (the parser takes {@code --out=FILE} too).
   */
  static String usage(CommandLine line) {
    try {
      CommandLine fresh = parser(find(line.getCommandName()));
      fresh.setSeparator(" ");
      return fresh.getUsageMessage(CommandLine.Help.Ansi.OFF);
    } catch (UsageException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lists the exercise ids of the installed rubric, for the commands that take {@code --exercise}. */
  private static String[] exercisesFooter() {
    return new String[] {"", "Exercises: " + String.join(", ", exerciseIds())};
  }

  /** The exercise ids of the rubric index, in report order; "see the rubric" when it cannot be read. */
  static List<String> exerciseIds() {
    try {
      return RubricLoader.ofGrader().load().exerciseIds();
    } catch (RubricException e) {
      return List.of("(the rubric cannot be read: " + e.getMessage() + ")");
    }
  }

  static String help() {
    StringBuilder help = new StringBuilder("""
        Usage: java -jar grader.jar <command> [options]

        Grades the Java concurrency exercises (%s): compiles a
        submission, runs the graded tests in sandboxed JVMs and writes a scorecard.

        Commands:
        """.formatted(String.join(", ", exerciseIds())));
    for (Command command : commands()) {
      help.append(String.format("  %-8s %s%n", name(command), command.summary()));
    }
    help.append("""

        Options:
          --help       show this help; <command> --help shows a command's options
          --version    show the grader's version

        Exit status: 0 graded (whatever the score), 1 the grader failed, 2 wrong usage,
        3 below full marks with --require-full-marks, 4 a scorecard verify rejects.
        """);
    return help.toString();
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** Names the failure for a person: the message, and the kind when the message alone is unclear. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "internal error: " + e.getClass().getName();
    }
    return e instanceof RuntimeException || e instanceof Error
        ? "internal error: " + message + " (" + e.getClass().getSimpleName() + ")"
        : message;
  }

  /**
   * Whether standard output is a terminal. Before JDK 22 {@link System#console()} is null when
   * redirected; from JDK 22 it always exists and {@code Console.isTerminal()} tells.
   */
  static boolean attachedToTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
