package grader.sandbox;

import java.time.Duration;

/**
 * Limits for one sandboxed run. Heap and metaspace bound the harness JVM and, through {@code
 * JDK_JAVA_OPTIONS}, every JVM the student starts; the others bound the whole tree where the
 * machine allows it (cgroups, rlimits).
 *
 * @param heapMegabytes {@code -Xmx} of every JVM in the run
 * @param metaspaceMegabytes {@code -XX:MaxMetaspaceSize} of every JVM in the run
 * @param memoryMegabytes memory of the whole tree (cgroup), heap and native together
 * @param maxTasks threads and processes of the whole tree (cgroup {@code pids.max})
 * @param maxOpenFiles open files per process (hard {@code RLIMIT_NOFILE})
 * @param maxFileMegabytes largest file a process may write ({@code RLIMIT_FSIZE})
 * @param tmpMegabytes size of the private {@code /tmp}
 * @param maxOutputBytes standard output plus error kept from the run; beyond it the run is stopped
 * @param activeProcessors {@code -XX:ActiveProcessorCount}, so verdicts never depend on the host
 * @param wallClock hard deadline for the run, then SIGKILL of the tree
 * @param maxWorkMegabytes bytes the run may leave in its writable paths; beyond it the run is stopped
 * @param maxWorkFiles files and directories the run may create in its writable paths; beyond it the
 *     run is stopped
 */
public record ResourceLimits(
    int heapMegabytes,
    int metaspaceMegabytes,
    int memoryMegabytes,
    int maxTasks,
    int maxOpenFiles,
    int maxFileMegabytes,
    int tmpMegabytes,
    long maxOutputBytes,
    int activeProcessors,
    Duration wallClock,
    int maxWorkMegabytes,
    int maxWorkFiles) {

  /** Default size of the writable paths, see {@link #maxWorkMegabytes()}. */
  public static final int DEFAULT_WORK_MEGABYTES = 256;

  /** Default number of files in the writable paths, see {@link #maxWorkFiles()}. */
  public static final int DEFAULT_WORK_FILES = 10_000;

  /** Defaults sized for the four exercises on a 2-core machine. */
  public static ResourceLimits defaults() {
    return new ResourceLimits(256, 128, 2048, 1024, 1024, 64, 256, 8L * 1024 * 1024, 2, Duration.ofSeconds(180));
  }

  /** The limits without the work-dir caps, which then take their defaults. */
  public ResourceLimits(
      int heapMegabytes,
      int metaspaceMegabytes,
      int memoryMegabytes,
      int maxTasks,
      int maxOpenFiles,
      int maxFileMegabytes,
      int tmpMegabytes,
      long maxOutputBytes,
      int activeProcessors,
      Duration wallClock) {
    this(heapMegabytes, metaspaceMegabytes, memoryMegabytes, maxTasks, maxOpenFiles, maxFileMegabytes,
        tmpMegabytes, maxOutputBytes, activeProcessors, wallClock, DEFAULT_WORK_MEGABYTES, DEFAULT_WORK_FILES);
  }

  /** A copy with another wall clock (the other limits unchanged). */
  public ResourceLimits withWallClock(Duration newWallClock) {
    return new ResourceLimits(heapMegabytes, metaspaceMegabytes, memoryMegabytes, maxTasks, maxOpenFiles,
        maxFileMegabytes, tmpMegabytes, maxOutputBytes, activeProcessors, newWallClock, maxWorkMegabytes,
        maxWorkFiles);
  }

  public ResourceLimits {
    if (heapMegabytes < 32 || metaspaceMegabytes < 16 || memoryMegabytes < heapMegabytes) {
      throw new IllegalArgumentException("memory limits too small: heap " + heapMegabytes + " MB, metaspace "
          + metaspaceMegabytes + " MB, total " + memoryMegabytes + " MB");
    }
    if (maxTasks < 64 || maxOpenFiles < 64 || maxFileMegabytes < 1 || tmpMegabytes < 16 || maxOutputBytes < 1024
        || activeProcessors < 1) {
      throw new IllegalArgumentException("limits too small to start a JVM: " + this);
    }
    if (maxWorkMegabytes < 1 || maxWorkFiles < 16) {
      throw new IllegalArgumentException("work-dir limits too small: " + maxWorkMegabytes + " MB, "
          + maxWorkFiles + " files");
    }
    java.util.Objects.requireNonNull(wallClock, "wallClock must not be null");
    if (wallClock.isNegative() || wallClock.isZero()) {
      throw new IllegalArgumentException("wallClock must be positive, was " + wallClock);
    }
  }
}
