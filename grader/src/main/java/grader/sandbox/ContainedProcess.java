package grader.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A run started by {@link BubblewrapSandbox}: the process the grader holds is bubblewrap's monitor;
 * a watchdog thread stops the run when its writable paths grow past their limit or when it outlives
 * its wall clock by a margin (a backstop: the engine enforces the wall clock itself); closing it
 * kills the whole tree, removes the run's cgroups and gives the writable paths back to the grader.
 */
final class ContainedProcess implements SandboxedProcess {

  /** How often the watchdog sizes the work dir: bounds how far a disk filler gets past the limit. */
  private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

  /** The backstop deadline lies this far beyond the wall clock, so the engine's own timeout wins. */
  private static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(10);

  /** A work mount with less than this left is full: the run's next write fails with "No space left". */
  private static final long FULL_MARGIN_BYTES = 1024 * 1024;

  private final Process process;
  private final Optional<CgroupScope> cgroup;
  private final List<WorkMount> mounts;
  private final SandboxRequest request;
  private final Path runDirectory;
  private final Optional<SandboxUser> returnFrom;
  private final List<String> limitsHit = new ArrayList<>();
  private final Thread watchdog;
  private final java.util.function.Consumer<ContainedProcess> onClose;
  private final long startNanos = System.nanoTime();
  private boolean closed;

  ContainedProcess(Process process, Optional<CgroupScope> cgroup, List<WorkMount> mounts, SandboxRequest request,
      Path runDirectory, Optional<SandboxUser> returnFrom, java.util.function.Consumer<ContainedProcess> onClose) {
    this.process = process;
    this.cgroup = cgroup;
    this.mounts = List.copyOf(mounts);
    this.request = request;
    this.runDirectory = runDirectory;
    this.returnFrom = returnFrom;
    this.onClose = onClose;
    this.watchdog = new Thread(this::watch, "sandbox-watchdog-" + process.pid());
    watchdog.setDaemon(true);
    watchdog.start();
  }

  @Override
  public OutputStream stdin() {
    return process.getOutputStream();
  }

  @Override
  public OptionalInt waitFor(Duration timeout) throws InterruptedException {
    if (process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
      return OptionalInt.of(process.exitValue());
    }
    return OptionalInt.empty();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void kill() {
    cgroup.ifPresent(CgroupScope::kill);
    // Killing bubblewrap's monitor is enough (--die-with-parent, then the PID namespace dies with
    // its init); the descendants are killed too so nothing depends on that alone.
    List<ProcessHandle> tree = process.toHandle().descendants().toList();
    process.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public synchronized List<String> limitsHit() {
    List<String> all = new ArrayList<>(limitsHit);
    cgroup.ifPresent(scope -> all.addAll(scope.limitsHit()));
    return List.copyOf(all);
  }

  private synchronized void hit(String sentence) {
    if (!limitsHit.contains(sentence)) {
      limitsHit.add(sentence);
    }
  }

  private void watch() {
    ResourceLimits limits = request.limits();
    long maxBytes = (long) limits.maxWorkMegabytes() * 1024 * 1024;
    long backstop = limits.wallClock().plus(BACKSTOP_MARGIN).toNanos();
    try {
      while (process.isAlive()) {
        if (process.waitFor(WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
          break;
        }
        String over = overLimit(limits, maxBytes);
        if (over != null) {
          hit(over);
          kill();
          return;
        }
        if (System.nanoTime() - startNanos > backstop) {
          hit("the run outlived its wall clock of " + limits.wallClock().toSeconds() + " s: it was stopped");
          kill();
          return;
        }
      }
    } catch (InterruptedException e) {
      // close() ends the watch, after the run is dead and before the work mounts go: the last look
      // below still sees what the run left.
    }
    // A run that filled its work dir and then ended within one interval (the kernel said "No space
    // left on device", or the engine saw the exit first and closed the run while this thread slept)
    // crossed the limit all the same: say so. The interrupt has done its job; it must not cut the walk short.
    Thread.interrupted();
    String over = overLimit(limits, maxBytes);
    if (over != null) {
      hit(over);
    }
  }

  /**
   * The sentence for the first work-dir limit the run has crossed, or null. The kernel's count of a
   * work mount covers every depth; the walk goes by directory handles, so no path is too long for it,
   * and what it cannot read or reach counts as over the limit.
   */
  private String overLimit(ResourceLimits limits, long maxBytes) {
    String limit = " (its limit is " + limits.maxWorkMegabytes() + " MB in at most " + limits.maxWorkFiles()
        + " files and directories, nested at most " + SecureTree.MAX_DEPTH + " deep)";
    for (WorkMount mount : mounts) {
      long used = mount.usedBytes();
      if (used >= mount.sizeBytes() - FULL_MARGIN_BYTES) {
        return "the run filled its work directory: " + used / (1024 * 1024) + " MB written" + limit
            + ": it was stopped";
      }
      if (!mount.hasRoomForAnEntry()) {
        return "the run filled its work directory: no room is left for another file" + limit + ": it was stopped";
      }
    }
    SecureTree.Usage usage = SecureTree.measure(request.writablePaths(), maxBytes, limits.maxWorkFiles(),
        SecureTree.MAX_DEPTH);
    String found = "; found at least " + usage.bytes() / (1024 * 1024) + " MB in " + usage.entries() + " entries";
    switch (usage.verdict()) {
      case WITHIN:
        return null;
      case TOO_LARGE:
        return "the run wrote more than its work directory may hold" + limit + found + ": it was stopped";
      case TOO_MANY:
        return "the run created more files and directories than its work directory may hold" + limit + found
            + ": it was stopped";
      case TOO_DEEP:
        return "the run nested directories deeper than its work directory allows" + limit + found
            + ": it was stopped";
      default:
        return "the run made part of its work directory unreadable to the grader, which counts as over its limit"
            + limit + found + ": it was stopped";
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants()).toList();
    kill();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    awaitExit(tree, Duration.ofSeconds(10));
    cgroup.ifPresent(CgroupScope::close);
    watchdog.interrupt();
    try {
      watchdog.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(process.getOutputStream());
    closeQuietly(process.getInputStream());
    closeQuietly(process.getErrorStream());
    // Unmounting frees everything the run wrote into its work mounts, at any depth.
    mounts.forEach(WorkMount::close);
    if (returnFrom.isPresent()) {
      WorkTree.takeBack(request.writablePaths(), SandboxUser.currentUid(), 0, true);
    } else {
      WorkTree.takeBack(request.writablePaths(), -1, -1, false);
    }
    deleteTree(runDirectory);
    onClose.accept(this);
  }

  /**
   * Waits until every process of the snapshot has exited. Polls: {@code onExit()} of a process that
   * is not our child is itself a slow poll in the JDK; and a zombie counts as gone, because bubblewrap's
   * namespace init is reparented to the host's init when killed, which may take seconds to reap it
   * (measured here: about 1.8 s per close).
   */
  private static void awaitExit(List<ProcessHandle> tree, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle process : tree) {
      while (running(process) && System.nanoTime() < deadline) {
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Alive and not a zombie (state Z in {@code /proc/<pid>/stat}). */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      // The state follows the parenthesised command name, which may itself contain ") ".
      int end = stat.lastIndexOf(')');
      return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    } catch (IOException e) {
      return process.isAlive();
    }
  }

  private static void closeQuietly(java.io.Closeable stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // The process is gone; its pipes with it.
    }
  }

  /** Deletes the sandbox's own per-run files (launcher copy, passwd): never the engine's work dir. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Left in the temp dir; harmless (a copy of the java launcher) but reported by the tests.
    }
  }
}
