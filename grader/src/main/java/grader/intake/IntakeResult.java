package grader.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What intake copied: the private root (holding {@code src/main/java} and maybe {@code REPORT.md}),
 * a SHA-256 over the copied files that is the same for the same submission every time, and one
 * message per file that was skipped or changed, for the scorecard.
 */
public record IntakeResult(Path root, String sha256, List<String> refusals, int fileCount, long totalBytes) {
  public IntakeResult {
    Objects.requireNonNull(root, "root must not be null");
    Objects.requireNonNull(sha256, "sha256 must not be null");
    refusals = List.copyOf(refusals);
  }
}
