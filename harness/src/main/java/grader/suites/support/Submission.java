package grader.suites.support;

import grader.protocol.HarnessProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the harness tells a graded suite about the submission under test, through system properties
 * set on the child JVM's command line. Read-only: suites never change these.
 */
public final class Submission {
  /** Directory with the student's compiled classes (also on the class path). */
  public static final String CLASSES = HarnessProperties.CLASSES;
  /** The submission's root folder as copied by intake (holds {@code REPORT.md}). */
  public static final String ROOT = HarnessProperties.ROOT;
  /** Directory the launch-gate agent watches (see {@link LaunchGate}). */
  public static final String GATE_DIR = HarnessProperties.GATE_DIR;
  /** Multiplier for the suites' waits on a slow machine; 1 by default. */
  public static final String TIME_FACTOR = HarnessProperties.TIME_FACTOR;

  private Submission() {}

  public static Path classesDirectory() {
    return Path.of(required(CLASSES));
  }

  /** The student's {@code REPORT.md}, if the submission has one. */
  public static Optional<Path> report() {
    String root = System.getProperty(ROOT);
    if (root == null) {
      return Optional.empty();
    }
    Path report = Path.of(root, "REPORT.md");
    return Files.isRegularFile(report) ? Optional.of(report) : Optional.empty();
  }

  public static Path gateDirectory() {
    return Path.of(required(GATE_DIR));
  }

  /** Scales a wait by {@value #TIME_FACTOR}; never used to shorten a physical lower bound. */
  public static long scaled(long millis) {
    double factor = Double.parseDouble(System.getProperty(TIME_FACTOR, "1"));
    return Math.round(millis * Math.max(1.0, factor));
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set: run the suites through the grader's harness");
    }
    return value;
  }
}
