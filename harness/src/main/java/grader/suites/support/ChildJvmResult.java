package grader.suites.support;

import java.util.Objects;
import java.util.stream.Collectors;

/** How a child JVM ended: its exit status (or that it timed out) and everything it printed. */
public record ChildJvmResult(int exitStatus, boolean timedOut, String stdout, String stderr) {
  public ChildJvmResult {
    Objects.requireNonNull(stdout, "stdout must not be null");
    Objects.requireNonNull(stderr, "stderr must not be null");
  }

  /**
   * Standard error without the notes the JVM itself prints, such as
   * {@code NOTE: Picked up JDK_JAVA_OPTIONS: ...}: what the student's code wrote.
   */
  public String studentStderr() {
    return stderr.lines().filter(line -> !isJvmNote(line)).collect(Collectors.joining("\n"));
  }

  /** True for the launcher's own notes about options it picked up from the environment. */
  public static boolean isJvmNote(String line) {
    String text = line.strip();
    return text.startsWith("NOTE: Picked up ") || text.startsWith("Picked up ");
  }
}
