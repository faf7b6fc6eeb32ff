package grader.sandbox;

import grader.sandbox.CgroupLayout.Controller;
import grader.sandbox.CgroupLayout.Hierarchy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The cgroups of one run: a memory and a task limit for the whole process tree, and a kill that
 * reaches every process in it, also those that left the tree with {@code setsid} or a double fork
 * (notes/sandbox.md 5.3). The run's first process joins the groups before it execs anything (see
 * {@link #procsFiles()}), so nothing it starts can be outside them.
 */
public final class CgroupScope implements AutoCloseable {

  /** Name prefix of each run's group; the grader's pid follows, then a random suffix. */
  public static final String PREFIX = "grader-sandbox-";
  private static final SecureRandom NAMES = new SecureRandom();

  private final List<Group> groups;
  private final ResourceLimits limits;
  private final List<String> limitsHit = new ArrayList<>();
  private boolean closed;

  /** One directory of this run in one hierarchy. */
  private record Group(Path dir, Hierarchy hierarchy) {
    Path file(String name) {
      return dir.resolve(name);
    }
  }

  /** The v2 default weight: each run counts as one equal party. */
  static final int CPU_WEIGHT = 100;

  /** The v1 default share, the same as v2's weight of 100. */
  static final int CPU_SHARES = 1024;

  private CgroupScope(List<Group> groups, ResourceLimits limits) {
    this.groups = List.copyOf(groups);
    this.limits = limits;
  }

  /**
   * Creates the run's groups in every hierarchy of {@code layout} and writes the limits. On failure
   * whatever was created is removed again.
   */
  public static CgroupScope create(CgroupLayout layout, ResourceLimits limits) throws IOException {
    String name = PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits(NAMES.nextInt());
    List<Group> created = new ArrayList<>();
    try {
      for (Hierarchy hierarchy : layout.hierarchies()) {
        Path dir = hierarchy.parent().resolve(name);
        Files.createDirectory(dir);
        Group group = new Group(dir, hierarchy);
        created.add(group);
        writeLimits(group, limits);
      }
    } catch (IOException | RuntimeException e) {
      for (Group group : created) {
        removeQuietly(group.dir());
      }
      String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied (cgroups need root here)"
          : e.toString();
      throw new IOException("cannot create the run's cgroup " + name + ": " + reason, e);
    }
    return new CgroupScope(created, limits);
  }

  /**
   * Checks that {@code found} can really be used by creating a group with limits and removing it;
   * on cgroup v2 first sets up the {@value CgroupLayout#V2_BASE} group and its controllers.
   */
  static CgroupLayout probe(CgroupLayout found) {
    List<Hierarchy> usable = new ArrayList<>();
    for (Hierarchy hierarchy : found.hierarchies()) {
      Hierarchy prepared = hierarchy;
      if (hierarchy.v2() && !hierarchy.controllers().isEmpty()) {
        try {
          prepared = prepareV2Base(hierarchy);
        } catch (IOException | RuntimeException e) {
          return CgroupLayout.none("cgroup v2 not writable (" + hierarchy.parent() + "): " + e.getMessage());
        }
      }
      usable.add(prepared);
    }
    CgroupLayout layout = new CgroupLayout(usable, found.description());
    try (CgroupScope scope = create(layout, ResourceLimits.defaults())) {
      return layout;
    } catch (IOException | RuntimeException e) {
      // A CPU share is a nicety: memory, tasks and kill must not be lost with it.
      if (layout.sharesCpu()) {
        CgroupLayout withoutCpu = layout.withoutCpu();
        try (CgroupScope scope = create(withoutCpu, ResourceLimits.defaults())) {
          return withoutCpu;
        } catch (IOException | RuntimeException again) {
          return CgroupLayout.none(again.getMessage());
        }
      }
      return CgroupLayout.none(e.getMessage());
    }
  }

  /** Creates the v2 base group and enables memory and pids for its children, as far as the kernel offers them. */
  private static Hierarchy prepareV2Base(Hierarchy hierarchy) throws IOException {
    Path base = hierarchy.parent();
    Path root = base.getParent();
    Files.createDirectories(base);
    Set<Controller> enabled = EnumSet.noneOf(Controller.class);
    for (Controller controller : hierarchy.controllers()) {
      String name = controller.name().toLowerCase(java.util.Locale.ROOT);
      if (!read(root.resolve("cgroup.controllers")).contains(name)) {
        continue;
      }
      try {
        if (!read(root.resolve("cgroup.subtree_control")).contains(name)) {
          Files.writeString(root.resolve("cgroup.subtree_control"), "+" + name);
        }
        Files.writeString(base.resolve("cgroup.subtree_control"), "+" + name);
        enabled.add(controller);
      } catch (IOException e) {
        // EBUSY: the visible root holds processes (a container); the group still gives cgroup.kill.
      }
    }
    return new Hierarchy(base, true, enabled);
  }

  private static void writeLimits(Group group, ResourceLimits limits) throws IOException {
    Hierarchy hierarchy = group.hierarchy();
    long memoryBytes = (long) limits.memoryMegabytes() * 1024 * 1024;
    if (hierarchy.controllers().contains(Controller.MEMORY)) {
      if (hierarchy.v2()) {
        Files.writeString(group.file("memory.max"), Long.toString(memoryBytes));
        writeIfPresent(group.file("memory.swap.max"), "0");
      } else {
        Files.writeString(group.file("memory.limit_in_bytes"), Long.toString(memoryBytes));
        // Without swap accounting the file is missing; there is no swap on such hosts anyway.
        writeIfPresent(group.file("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
      }
    }
    if (hierarchy.controllers().contains(Controller.PIDS)) {
      Files.writeString(group.file("pids.max"), Integer.toString(limits.maxTasks()));
    }
    if (hierarchy.controllers().contains(Controller.CPU)) {
      // Every run the same weight, written rather than inherited, so the kernel shares the cores
      // between runs and not between their threads (a spinning run cannot starve the others).
      Files.writeString(group.file(hierarchy.v2() ? "cpu.weight" : "cpu.shares"),
          Integer.toString(hierarchy.v2() ? CPU_WEIGHT : CPU_SHARES));
    }
  }

  private static void writeIfPresent(Path file, String value) {
    if (Files.exists(file)) {
      try {
        Files.writeString(file, value);
      } catch (IOException e) {
        // Optional knob (swap accounting off): the main limit is set.
      }
    }
  }

  /** The {@code cgroup.procs} files the run's first process writes its pid to before it execs. */
  public List<Path> procsFiles() {
    return groups.stream().map(g -> g.file("cgroup.procs")).toList();
  }

  /** The pids of every process in the run's groups right now. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    for (Group group : groups) {
      try {
        for (String line : Files.readAllLines(group.file("cgroup.procs"))) {
          if (!line.isBlank()) {
            long pid = Long.parseLong(line.strip());
            if (!pids.contains(pid)) {
              pids.add(pid);
            }
          }
        }
      } catch (IOException | NumberFormatException e) {
        // A group that is gone holds no process.
      }
    }
    return pids;
  }

  /**
   * SIGKILLs everything in the run's groups: {@code cgroup.kill} where the kernel has it, and a kill
   * of every listed pid until the groups are empty (v1 has no atomic kill; {@code pids.max} bounds
   * how fast a fork storm can refill them).
   */
  public void kill() {
    for (Group group : groups) {
      if (group.hierarchy().v2()) {
        writeIfPresent(group.file("cgroup.kill"), "1");
      }
    }
    for (Long pid : pids()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** Kills until the groups are empty or {@code timeout} has passed; whether they are empty. */
  public boolean killAndAwaitEmpty(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      kill();
      if (pids().isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return pids().isEmpty();
      }
    }
  }

  /** The limits the run ran into so far, as sentences (see {@link SandboxedProcess#limitsHit()}). */
  public synchronized List<String> limitsHit() {
    if (closed) {
      return List.copyOf(limitsHit);
    }
    return readLimitsHit();
  }

  private List<String> readLimitsHit() {
    List<String> hits = new ArrayList<>();
    long oomKills = 0;
    long refusedTasks = 0;
    for (Group group : groups) {
      Hierarchy hierarchy = group.hierarchy();
      if (hierarchy.controllers().contains(Controller.MEMORY)) {
        Path events = group.file(hierarchy.v2() ? "memory.events" : "memory.oom_control");
        oomKills += counter(events, "oom_kill").orElse(0);
      }
      if (hierarchy.controllers().contains(Controller.PIDS)) {
        refusedTasks += counter(group.file("pids.events"), "max").orElse(0);
      }
    }
    if (oomKills > 0) {
      hits.add("the memory limit of " + limits.memoryMegabytes() + " MB for all processes of the run was reached:"
          + " the kernel killed " + oomKills + (oomKills == 1 ? " process" : " processes"));
    }
    if (refusedTasks > 0) {
      hits.add("the limit of " + limits.maxTasks() + " threads and processes for the run was reached: "
          + refusedTasks + " thread or process creations were refused");
    }
    return hits;
  }

  /** The value of {@code key} in a flat-keyed cgroup file ("key value" lines). */
  private static OptionalLong counter(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length == 2 && fields[0].equals(key)) {
          return OptionalLong.of(Long.parseLong(fields[1]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /** Kills what is left, records the limits hit, removes the groups. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    killAndAwaitEmpty(Duration.ofSeconds(10));
    limitsHit.addAll(readLimitsHit());
    closed = true;
    for (Group group : groups) {
      removeQuietly(group.dir());
    }
  }

  private static void removeQuietly(Path dir) {
    // rmdir may briefly fail with EBUSY while the kernel finishes tearing down the last task.
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (NoSuchFileException e) {
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CgroupScope" + groups.stream().map(Group::dir).toList();
  }
}
