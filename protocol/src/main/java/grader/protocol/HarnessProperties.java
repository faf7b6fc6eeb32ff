package grader.protocol;

/**
 * The system properties through which the grader tells a harness JVM about the submission under
 * test. They live here, in the protocol both sides share, so the grader sets them without compiling
 * against the suites.
 */
public final class HarnessProperties {
  /** Directory with the student's compiled classes (also on the class path). */
  public static final String CLASSES = "grader.submission.classes";
  /** The submission's root folder as copied by intake (holds {@code REPORT.md}). */
  public static final String ROOT = "grader.submission.root";
  /** Directory the launch-gate agent watches. */
  public static final String GATE_DIR = "grader.gate.dir";
  /** Multiplier for the suites' waits on a slow machine; 1 by default. */
  public static final String TIME_FACTOR = "grader.time.factor";

  private HarnessProperties() {}
}
