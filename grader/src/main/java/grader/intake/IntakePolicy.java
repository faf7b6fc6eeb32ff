package grader.intake;

/**
 * Caps on what intake copies from one submission, so a zip bomb or a folder full of build output
 * cannot fill the grader's disk or memory.
 *
 * @param maxFiles accepted files at most (sources and {@code REPORT.md})
 * @param maxFileBytes size of one accepted file at most
 * @param maxTotalBytes size of all accepted files together at most
 */
public record IntakePolicy(int maxFiles, long maxFileBytes, long maxTotalBytes) {

  /** 200 files, 1 MB per file, 4 MB in all: far above any honest answer to the four exercises. */
  public static IntakePolicy defaults() {
    return new IntakePolicy(200, 1024L * 1024, 4L * 1024 * 1024);
  }

  public IntakePolicy {
    if (maxFiles < 1) {
      throw new IllegalArgumentException("maxFiles must be at least 1, was " + maxFiles);
    }
    if (maxFileBytes < 1 || maxTotalBytes < maxFileBytes) {
      throw new IllegalArgumentException("size caps must be positive with maxTotalBytes >= maxFileBytes, were "
          + maxFileBytes + " and " + maxTotalBytes);
    }
  }
}
