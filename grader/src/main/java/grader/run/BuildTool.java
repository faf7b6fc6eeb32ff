package grader.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.TimeUnit;

/**
 * One run of a JDK tool that builds a start-up cache ({@code jlink}, {@code java -Xshare:dump}, a
 * harness JVM dumping its archive): in a work folder of its own, with an empty environment but for
 * {@code PATH} and {@code LANG} (the grader's environment is not the cache's business), its output
 * in files there, ended after a time limit. The caches only make JVMs start faster, so a failure is
 * an answer, never an exception that stops a grading.
 */
final class BuildTool {
  private BuildTool() {}

  /** Builds a cache entry at its place; false if it could not. */
  interface Build {
    boolean into(Path target) throws IOException, InterruptedException;
  }

  /**
   * The cache entry at {@code target}: as it is if {@code complete}, else built once by {@code
   * build}. A failed build leaves a {@code .failed} marker beside it (saying {@code failure}), so
   * later runs do not pay for it again; a folder that cannot be written means no entry. Never
   * throws: a missing cache only makes JVMs start slower.
   */
  static Optional<Path> ensure(Path target, Predicate<Path> complete, String failure, Build build) {
    if (complete.test(target)) {
      return Optional.of(target);
    }
    Path failed = target.resolveSibling(target.getFileName() + ".failed");
    try {
      Files.createDirectories(target.getParent());
      if (Files.exists(failed) || !Files.isWritable(target.getParent())) {
        return Optional.empty();
      }
      if (build.into(target)) {
        return Optional.of(target);
      }
      Files.writeString(failed, failure + "; delete this file to try again\n");
    } catch (IOException e) {
      // A read-only installation: go on without the cache.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  /**
   * Runs {@code command} in {@code work} and waits for it.
   *
   * @param stdinLine a line written to its standard input, or {@code null} for none
   * @return whether it exited with 0 within {@code timeout}
   */
  static boolean run(Path work, List<String> command, Duration timeout, String stdinLine)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("LANG", "C.UTF-8");
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      if (stdinLine != null) {
        stdin.write((stdinLine + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    } catch (IOException e) {
      // It died at once; the exit status says so.
    }
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      return false;
    }
    return process.exitValue() == 0;
  }
}
