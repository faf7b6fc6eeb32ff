package grader.batch;

/**
 * Chooses how many submissions to grade at once when the instructor does not say.
 *
 * <p>Jobs are not what loads the machine; the grader's harness slots are ({@code
 * Grader.harnessSlotsFor}), shared by every job and at least one whole grading's harness JVMs. So
 * however many gradings run, no more suites run at once than one grading alone may start, and the
 * timing checks see the load they are proven under ({@code make stress}). What more jobs buy is overlap: one
 * submission compiles, or waits out a wrong submission's hold at a gate, while another's suites run.
 * Twice the cores keeps the slots fed (see docs/BATCH.md for the measurements); more only queue.
 * Memory: about {@value #MEMORY_PER_JOB_MIB} MiB per grading (the compiler, the harness heaps, the
 * student's own JVMs), a generous bound since the slots cap the harness JVMs.
 */
public final class JobsPolicy {
  static final long MEMORY_PER_JOB_MIB = 2048;

  private JobsPolicy() {}

  /** {@code max(1, min(2 × cores, memory / 2 GiB))}. */
  public static int defaultJobs(int cores, long memoryBytes) {
    long byMemory = memoryBytes / (MEMORY_PER_JOB_MIB * 1024 * 1024);
    long byCores = 2L * cores;
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
