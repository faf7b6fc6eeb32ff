package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What graded a submission beyond the grader itself, as told by whoever ran it (the reusable CI
 * workflow, a kit's {@code make check}): the bundle's version and SHA-256, the submission's commit and
 * the CI run. Every field is optional and left out of the JSON when unknown. It is a claim, not a
 * proof: CI's artifact attestation is what ties a scorecard to a workflow run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradedBy(String bundleVersion, String bundleSha256, String commit, String workflowRun) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

  public GradedBy {
    bundleSha256 = bundleSha256 == null ? null : bundleSha256.toLowerCase(Locale.ROOT);
    if (bundleSha256 != null && !SHA256.matcher(bundleSha256).matches()) {
      throw new IllegalArgumentException("bundle sha256 must be 64 hexadecimal digits, was \"" + bundleSha256 + "\"");
    }
    commit = commit == null ? null : commit.toLowerCase(Locale.ROOT);
    if (commit != null && !COMMIT.matcher(commit).matches()) {
      throw new IllegalArgumentException("commit must be a git commit id (7 to 64 hexadecimal digits), was \""
          + commit + "\"");
    }
  }

  /** True when nothing is known: such a scorecard gets no {@code graded_by} at all. */
  @JsonIgnore
  public boolean isEmpty() {
    return bundleVersion == null && bundleSha256 == null && commit == null && workflowRun == null;
  }
}
