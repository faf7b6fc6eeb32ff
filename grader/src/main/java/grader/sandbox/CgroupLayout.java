package grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where this machine lets the grader create a cgroup per run, detected once: pure cgroup v2, or the
 * v1 hybrid of this project's Debian VM (v1 {@code memory} and {@code pids} plus the v2 "unified"
 * hierarchy that still offers {@code cgroup.kill}), see notes/sandbox.md 4.3. Per-run cgroups are
 * nested under the grader's own cgroup on v1, so whatever limits the grader itself lives under
 * still apply; on v2 they live under a {@value #V2_BASE} group at the top of the visible tree,
 * because v2 forbids controllers in a group that holds processes (the grader's own).
 *
 * @param hierarchies the hierarchies a run joins; empty when cgroups cannot be used
 * @param description what was found, or why nothing can be used (for warnings and docs)
 */
public record CgroupLayout(List<Hierarchy> hierarchies, String description) {

  /** Name of the top-level group that holds the per-run groups on cgroup v2. */
  public static final String V2_BASE = "grader-sandbox";

  /** A resource a hierarchy can limit (or, for CPU, share out fairly). */
  public enum Controller {
    MEMORY,
    PIDS,
    CPU
  }

  /**
   * One mounted hierarchy.
   *
   * @param parent directory under which per-run groups are created
   * @param v2 whether this is a cgroup2 hierarchy ({@code cgroup.kill}, {@code memory.max})
   * @param controllers the controllers that can be set in per-run groups
   */
  public record Hierarchy(Path parent, boolean v2, Set<Controller> controllers) {
    public Hierarchy {
      controllers = controllers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(controllers));
    }
  }

  public CgroupLayout {
    hierarchies = List.copyOf(hierarchies);
  }

  /** No cgroups: limits fall back to rlimits, JVM flags and the PID namespace. */
  public static CgroupLayout none(String reason) {
    return new CgroupLayout(List.of(), reason);
  }

  public boolean available() {
    return !hierarchies.isEmpty();
  }

  /** Whether every run gets a memory limit for its whole tree. */
  public boolean limitsMemory() {
    return hierarchies.stream().anyMatch(h -> h.controllers().contains(Controller.MEMORY));
  }

  /** Whether every run gets a task (threads + processes) limit for its whole tree. */
  public boolean limitsTasks() {
    return hierarchies.stream().anyMatch(h -> h.controllers().contains(Controller.PIDS));
  }

  /**
   * Whether every run gets a CPU share of its own ({@code cpu.weight} on v2, {@code cpu.shares} on
   * v1): the kernel then divides the cores between runs, not between their threads, so a run that
   * spins on many threads cannot slow the parallel gradings down.
   */
  public boolean sharesCpu() {
    return hierarchies.stream().anyMatch(h -> h.controllers().contains(Controller.CPU));
  }

  /** The same hierarchies without the CPU controller (where a run's CPU share cannot be set). */
  CgroupLayout withoutCpu() {
    List<Hierarchy> kept = new ArrayList<>();
    for (Hierarchy hierarchy : hierarchies) {
      Set<Controller> controllers = EnumSet.noneOf(Controller.class);
      controllers.addAll(hierarchy.controllers());
      controllers.remove(Controller.CPU);
      if (!hierarchy.controllers().equals(Set.of(Controller.CPU))) {
        kept.add(new Hierarchy(hierarchy.parent(), hierarchy.v2(), controllers));
      }
    }
    return new CgroupLayout(kept, description + " (no CPU share: not writable)");
  }

  /**
   * Finds the hierarchies from {@code /proc/self/mountinfo} and {@code /proc/self/cgroup}, then
   * proves they are usable by creating and removing a probe group (being root is not enough: the
   * cgroup file system may be mounted read-only in a container).
   */
  public static CgroupLayout detect() {
    try {
      List<String> mountinfo = Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8);
      List<String> membership = Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8);
      CgroupLayout found = parse(mountinfo, membership);
      if (!found.available()) {
        return found;
      }
      return CgroupScope.probe(found);
    } catch (IOException | RuntimeException e) {
      return none("cgroups not readable: " + e.getMessage());
    }
  }

  /** The hierarchies described by the given mount table and membership lines (no file system access but v2 setup). */
  static CgroupLayout parse(List<String> mountinfo, List<String> membership) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : mountinfo) {
      Mount.parse(line).ifPresent(mounts::add);
    }
    Optional<Mount> memoryV1 = mounts.stream().filter(m -> !m.v2() && m.superOptions().contains("memory")).findFirst();
    Optional<Mount> pidsV1 = mounts.stream().filter(m -> !m.v2() && m.superOptions().contains("pids")).findFirst();
    Optional<Mount> cpuV1 = mounts.stream().filter(m -> !m.v2() && m.superOptions().contains("cpu")).findFirst();
    Optional<Mount> unified = mounts.stream().filter(Mount::v2).findFirst();
    List<Hierarchy> hierarchies = new ArrayList<>();
    if (memoryV1.isPresent() || pidsV1.isPresent()) {
      memoryV1.flatMap(m -> m.ownDirectory(membership, "memory"))
          .ifPresent(dir -> hierarchies.add(new Hierarchy(dir, false, Set.of(Controller.MEMORY))));
      pidsV1.flatMap(m -> m.ownDirectory(membership, "pids"))
          .ifPresent(dir -> hierarchies.add(new Hierarchy(dir, false, Set.of(Controller.PIDS))));
      cpuV1.flatMap(m -> m.ownDirectory(membership, "cpu"))
          .ifPresent(dir -> hierarchies.add(new Hierarchy(dir, false, Set.of(Controller.CPU))));
      // The hybrid's unified hierarchy has no controllers, but cgroup.kill ends a whole tree at once.
      unified.flatMap(m -> m.ownDirectory(membership, ""))
          .ifPresent(dir -> hierarchies.add(new Hierarchy(dir, true, Set.of())));
      return hierarchies.isEmpty()
          ? none("cgroup v1 mounted, but this process's groups were not found in /proc/self/cgroup")
          : new CgroupLayout(hierarchies, "cgroup v1 (memory, pids, cpu) + v2 unified (kill)");
    }
    if (unified.isEmpty()) {
      return none("no cgroup file system mounted");
    }
    Path root = unified.get().mountPoint();
    return new CgroupLayout(List.of(new Hierarchy(root.resolve(V2_BASE), true,
        EnumSet.of(Controller.MEMORY, Controller.PIDS, Controller.CPU))), "cgroup v2 at " + root);
  }

  /** One line of {@code /proc/self/mountinfo} that mounts a cgroup file system. */
  private record Mount(String root, Path mountPoint, boolean v2, List<String> superOptions) {

    static Optional<Mount> parse(String line) {
      String[] halves = line.split(" - ", 2);
      if (halves.length != 2) {
        return Optional.empty();
      }
      String[] left = halves[0].split(" ");
      String[] right = halves[1].split(" ");
      if (left.length < 5 || right.length < 3) {
        return Optional.empty();
      }
      boolean v2 = right[0].equals("cgroup2");
      if (!v2 && !right[0].equals("cgroup")) {
        return Optional.empty();
      }
      if (List.of(left[5].split(",")).contains("ro") || List.of(right[2].split(",")).contains("ro")) {
        return Optional.empty();
      }
      return Optional.of(new Mount(unescape(left[3]), Path.of(unescape(left[4])), v2, List.of(right[2].split(","))));
    }

    /** This process's group in this hierarchy, as a directory; {@code controller} "" means the v2 line. */
    Optional<Path> ownDirectory(List<String> membership, String controller) {
      for (String line : membership) {
        String[] fields = line.split(":", 3);
        if (fields.length != 3) {
          continue;
        }
        boolean matches = controller.isEmpty()
            ? fields[0].equals("0") && fields[1].isEmpty()
            : List.of(fields[1].split(",")).contains(controller);
        if (!matches) {
          continue;
        }
        String path = fields[2];
        if (!root.equals("/")) {
          if (!path.startsWith(root)) {
            return Optional.empty();
          }
          path = path.substring(root.length());
        }
        Path dir = mountPoint;
        for (String part : path.split("/")) {
          if (!part.isEmpty()) {
            dir = dir.resolve(part);
          }
        }
        return Optional.of(dir);
      }
      return Optional.empty();
    }

    private static String unescape(String field) {
      return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
  }
}
