package grader.cli;

import grader.scorecard.GradedBy;
import java.util.Optional;

/**
 * The options that record what graded a submission ({@code --bundle-sha256}, {@code --commit},
 * {@code --workflow-run}), shared by {@code grade} and {@code check}. The reusable CI workflow passes
 * all three; a kit's {@code make check} passes the bundle's digest from its lock file.
 */
final class GradedByOptions {
  static final String USAGE = """
        --bundle-sha256 HEX    record the SHA-256 of the grader bundle this runs from (graded_by)
        --commit SHA           record the submission's git commit (graded_by)
        --workflow-run URL     record the CI run that graded it (graded_by)
      """;

  private String bundleSha256;
  private String commit;
  private String workflowRun;

  /** Takes {@code option}'s value if it is one of these options; false if it is another option. */
  boolean accept(String option, ArgumentReader reader) throws UsageException {
    switch (option) {
      case "--bundle-sha256":
        bundleSha256 = reader.value();
        return true;
      case "--commit":
        commit = reader.value();
        return true;
      case "--workflow-run":
        workflowRun = reader.value();
        return true;
      default:
        return false;
    }
  }

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
