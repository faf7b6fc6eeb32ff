package grader.run;

import grader.sandbox.SecureTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes and removes the private directories of grading runs: {@code grade-<grader pid>-<random>} in
 * the work root, so a grader can tell the leftovers of one that was killed (SIGKILL) from the
 * directories of graders still running.
 */
public final class WorkDirectory {
  private static final String PREFIX = "grade-";

  private WorkDirectory() {}

  /** A fresh private directory in {@code workRoot} for one grading run of this grader. */
  public static Path create(Path workRoot) throws IOException {
    Files.createDirectories(workRoot);
    return Files.createTempDirectory(workRoot, PREFIX + ProcessHandle.current().pid() + "-");
  }

  /**
   * Deletes {@code dir} and everything in it, best effort: at any depth (a run may have built a
   * chain of directories longer than {@code PATH_MAX}), whatever modes it left, never following a
   * link; never fails the grading over a leftover.
   */
  public static void delete(Path dir) {
    SecureTree.delete(dir);
  }

  /** Deletes the run directories in {@code workRoot} of graders that are no longer running; what it removed. */
  public static List<Path> sweepStale(Path workRoot) {
    if (!Files.isDirectory(workRoot)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(workRoot)) {
      List<Path> stale = children.filter(p -> isStale(p.getFileName().toString())).toList();
      return stale.stream().filter(SecureTree::delete).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** {@code grade-<pid>-...} of a pid that is neither this process nor alive. */
  static boolean isStale(String name) {
    if (!name.startsWith(PREFIX)) {
      return false;
    }
    String rest = name.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash <= 0) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(rest.substring(0, dash));
    } catch (NumberFormatException e) {
      return false;
    }
    return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
  }
}
