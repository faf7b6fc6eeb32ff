package grader.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run and what it may see. {@code command} starts with the absolute path of the {@code
 * java} launcher; {@code readOnlyPaths} (the JDK, the grader's jars, the student's classes) and
 * {@code writablePaths} (the run's work dir) are visible at their real paths inside a sandbox; the
 * environment is exactly {@code environment} (nothing is inherited from the grader). Standard
 * output and error go to the given files, which the parent reads with a cap.
 */
public record SandboxRequest(
    List<String> command,
    Path workingDirectory,
    Map<String, String> environment,
    List<Path> readOnlyPaths,
    List<Path> writablePaths,
    Path stdout,
    Path stderr,
    ResourceLimits limits) {

  public SandboxRequest {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    readOnlyPaths = List.copyOf(readOnlyPaths);
    writablePaths = List.copyOf(writablePaths);
    Objects.requireNonNull(workingDirectory, "workingDirectory must not be null");
    Objects.requireNonNull(stdout, "stdout must not be null");
    Objects.requireNonNull(stderr, "stderr must not be null");
    Objects.requireNonNull(limits, "limits must not be null");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
  }
}
