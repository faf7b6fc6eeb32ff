package grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a sandboxed run may leave behind, looked up from outside: processes, cgroups, temp dirs. */
final class SandboxLeftovers {

  private SandboxLeftovers() {}

  /** Live processes whose command line mentions {@code marker} (a path unique to the test). */
  static List<String> processesMentioning(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)
            || p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .toList();
  }

  /** Live processes of the given user (the sandbox account). */
  static List<String> processesOf(String user) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().user().map(user::equals).orElse(false))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .toList();
  }

  /** Run cgroups created by this (the test's) process that still exist. */
  static List<Path> cgroupsOfThisProcess() {
    String prefix = CgroupScope.PREFIX + ProcessHandle.current().pid() + "-";
    List<Path> found = new ArrayList<>();
    for (CgroupLayout.Hierarchy hierarchy : CgroupLayout.detect().hierarchies()) {
      found.addAll(children(hierarchy.parent(), prefix));
    }
    return found;
  }

  /** Per-run temp dirs of the sandbox created by this process that still exist. */
  static List<Path> runDirectoriesOfThisProcess() {
    return children(Path.of(System.getProperty("java.io.tmpdir")),
        BubblewrapSandbox.RUN_DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-");
  }

  /** Work tmpfs mounts of this process that are still mounted (see {@link WorkMount}). */
  static List<Path> workMountsOfThisProcess() {
    String prefix = CgroupScope.PREFIX + ProcessHandle.current().pid() + "-work-";
    return WorkMount.ownMounts().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .map(java.util.Map.Entry::getValue).toList();
  }

  /** Grading run folders of this process in the system temp dir (the default work root). */
  static List<Path> gradeDirectoriesOfThisProcess() {
    return children(Path.of(System.getProperty("java.io.tmpdir")), "grade-" + ProcessHandle.current().pid() + "-");
  }

  private static List<Path> children(Path dir, String prefix) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Deletes a tree as the engine would (no permission fixing): fails if the run made that impossible. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
