package grader.cli;

import grader.scorecard.GradedBy;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that record what graded a submission ({@code --bundle-sha256}, {@code --commit},
 * {@code --workflow-run}), shared by {@code grade} and {@code check} (a picocli mixin). The reusable
 * CI workflow passes all three; a kit's {@code make check} passes the bundle's digest from its lock
 * file.
 */
final class GradedByOptions {
  @Option(names = "--bundle-sha256", paramLabel = "HEX",
      description = "record the SHA-256 of the grader bundle this runs from (graded_by)")
  private String bundleSha256;

  @Option(names = "--commit", paramLabel = "SHA", description = "record the submission's git commit (graded_by)")
  private String commit;

  @Option(names = "--workflow-run", paramLabel = "URL", description = "record the CI run that graded it (graded_by)")
  private String workflowRun;

  /** What was given; the bundle's version is this grader's own, since the bundle is what runs. */
  Optional<GradedBy> build(String graderVersion) throws UsageException {
    try {
      GradedBy by = new GradedBy(bundleSha256 == null ? null : graderVersion, blankToNull(bundleSha256),
          blankToNull(commit), blankToNull(workflowRun));
      return by.isEmpty() ? Optional.empty() : Optional.of(by);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
