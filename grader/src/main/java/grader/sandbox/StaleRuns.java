package grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Removes what runs of graders that died without closing them left behind (a grader killed with
 * SIGKILL cannot clean up): their work mounts (see {@link WorkMount}), their cgroups (after killing
 * anything still in them) and their private temp dirs. Both are named {@code grader-sandbox-<pid of the grader>-...}, so only leftovers of
 * graders that are no longer running are touched.
 */
final class StaleRuns {

  private StaleRuns() {}

  /** Sweeps the cgroup hierarchies of {@code layout} and the system temp dir; what it removed. */
  static List<Path> sweep(CgroupLayout layout) {
    List<Path> removed = new ArrayList<>();
    WorkMount.Tools.detect().ifPresent(tools -> removed.addAll(WorkMount.sweepStale(tools)));
    for (CgroupLayout.Hierarchy hierarchy : layout.hierarchies()) {
      for (Path group : stale(hierarchy.parent())) {
        killAll(group);
        try {
          Files.deleteIfExists(group);
          removed.add(group);
        } catch (IOException e) {
          // Still busy: the next grader tries again.
        }
      }
    }
    for (Path dir : stale(Path.of(System.getProperty("java.io.tmpdir")))) {
      ContainedProcess.deleteTree(dir);
      if (!Files.exists(dir)) {
        removed.add(dir);
      }
    }
    return removed;
  }

  /** Entries named after a grader pid that is not alive. */
  static List<Path> stale(Path parent) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> children = Files.list(parent)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        OptionalLong pid = graderPid(child.getFileName().toString());
        if (pid.isPresent() && pid.getAsLong() != ProcessHandle.current().pid()
            && ProcessHandle.of(pid.getAsLong()).isEmpty() && Files.isDirectory(child)) {
          found.add(child);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Unreadable: nothing to sweep here.
    }
    return found;
  }

  /** The pid in {@code grader-sandbox-<pid>-...}, if the name has that shape. */
  static OptionalLong graderPid(String name) {
    if (!name.startsWith(CgroupScope.PREFIX)) {
      return OptionalLong.empty();
    }
    String rest = name.substring(CgroupScope.PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash <= 0) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(rest.substring(0, dash)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static void killAll(Path group) {
    for (int round = 0; round < 50; round++) {
      List<String> pids;
      try {
        pids = Files.readAllLines(group.resolve("cgroup.procs"));
      } catch (IOException e) {
        return;
      }
      if (pids.stream().allMatch(String::isBlank)) {
        return;
      }
      for (String pid : pids) {
        if (!pid.isBlank()) {
          ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
