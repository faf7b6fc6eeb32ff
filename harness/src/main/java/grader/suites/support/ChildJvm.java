package grader.suites.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the student's main classes in a child JVM the way the exercises do: {@code java}
 * from {@code java.home}, the class path from {@code java.class.path}. The child inherits the
 * environment, and with it the grader's {@code JDK_JAVA_OPTIONS}.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * Runs {@code mainClass} with {@code arguments} and waits at most {@code timeout} for it; a child
   * still running then is killed and reported as timed out.
   */
  public static ChildJvmResult run(String mainClass, List<String> arguments, Duration timeout)
      throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("grader-child-", ".out");
    Path stderr = Files.createTempFile("grader-child-", ".err");
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(mainClass);
      command.addAll(arguments);
      // Files, not pipes: nothing to drain, so a chatty child can never block on a full pipe.
      Process process = new ProcessBuilder(command)
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      process.getOutputStream().close();
      boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
      return new ChildJvmResult(exited ? process.exitValue() : -1, !exited,
          Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
