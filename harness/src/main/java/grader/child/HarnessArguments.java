package grader.child;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The harness's command line: {@code <suite package> <results file> [--suite-path p1:p2]
 * [--timeout-seconds N] [--only id,id] [--except Class,Class]}. The suite path lists the class path
 * roots that hold graded suites (the grader's jar), so a class the student puts into a suite package
 * is never run. The parent alone writes this line; nothing of the student's reaches it.
 *
 * @param only test ids (method names) to run; empty means the whole suite
 * @param except suite classes, named relative to the suite package ({@code ReportSuite}, {@code
 *     hidden.ExtraSuite}), whose tests run in another JVM (another part of the exercise, run at the
 *     same time); empty means every class
 */
public record HarnessArguments(String suitePackage, Path resultsFile, List<Path> suitePath, Duration defaultTimeout,
    Set<String> only, Set<String> except) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public HarnessArguments {
    Objects.requireNonNull(suitePackage, "suitePackage must not be null");
    Objects.requireNonNull(resultsFile, "resultsFile must not be null");
    suitePath = List.copyOf(suitePath);
    only = Set.copyOf(only);
    except = Set.copyOf(except);
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("default timeout must be positive, was " + defaultTimeout);
    }
  }

  /** Arguments that run every class of the suite. */
  public HarnessArguments(
      String suitePackage, Path resultsFile, List<Path> suitePath, Duration defaultTimeout, Set<String> only) {
    this(suitePackage, resultsFile, suitePath, defaultTimeout, only, Set.of());
  }

  public static HarnessArguments parse(String... args) {
    List<String> positional = new ArrayList<>();
    List<Path> suitePath = new ArrayList<>();
    Duration timeout = DEFAULT_TIMEOUT;
    Set<String> only = new LinkedHashSet<>();
    Set<String> except = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--suite-path":
          for (String entry : value(args, ++i, arg).split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
              suitePath.add(Path.of(entry));
            }
          }
          break;
        case "--timeout-seconds":
          timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
          break;
        case "--only":
          Arrays.stream(value(args, ++i, arg).split(",")).filter(s -> !s.isBlank()).forEach(only::add);
          break;
        case "--except":
          Arrays.stream(value(args, ++i, arg).split(",")).filter(s -> !s.isBlank()).forEach(except::add);
          break;
        default:
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("unknown harness option " + arg);
          }
          positional.add(arg);
      }
    }
    if (positional.size() != 2) {
      throw new IllegalArgumentException(
          "usage: HarnessMain <suite package> <results file> [--suite-path p] [--timeout-seconds n] [--only ids] [--except classes];"
              + " got " + Arrays.toString(args));
    }
    return new HarnessArguments(positional.get(0), Path.of(positional.get(1)), suitePath, timeout, only, except);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
