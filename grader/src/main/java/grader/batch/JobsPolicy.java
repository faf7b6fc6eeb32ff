package grader.batch;

/**
 * Chooses how many submissions to grade at once when the instructor does not say.
 *
 * <p>Each grading runs child JVMs whose timing-sensitive checks (threads asleep at once, overlapping
 * requests) need a core to themselves; the graded child is pinned to 2 processors and the
 * processes exercise starts 4 more JVMs. With more gradings than half the cores, the verdicts of
 * correct submissions start to depend on the scheduler and the batch gets no faster (see
 * docs/BATCH.md for the measurements). Memory: about {@value #MEMORY_PER_JOB_MIB} MiB per grading
 * (the grader's compiler, the child's heap, the student's own JVMs).
 */
public final class JobsPolicy {
  static final long MEMORY_PER_JOB_MIB = 2048;

  private JobsPolicy() {}

  /** {@code max(1, min(cores / 2, memory / 2 GiB))}. */
  public static int defaultJobs(int cores, long memoryBytes) {
    long byMemory = memoryBytes / (MEMORY_PER_JOB_MIB * 1024 * 1024);
    long byCores = cores / 2;
    return (int) Math.max(1, Math.min(byCores, byMemory));
  }

  /** The default for the machine this JVM runs on (container limits included). */
  public static int defaultJobs() {
    long memory = Long.MAX_VALUE;
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      memory = sun.getTotalMemorySize();
    }
    return defaultJobs(Runtime.getRuntime().availableProcessors(), memory);
  }
}
