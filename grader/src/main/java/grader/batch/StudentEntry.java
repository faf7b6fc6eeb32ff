package grader.batch;

import java.util.Objects;

/**
 * The batch's record of one student, kept as {@code batch-entry.json} next to the scorecard and
 * written last: its presence means the student's folder is complete.
 *
 * @param inputSha256 {@link SubmissionDigest} of what was graded: a rerun regrades when it changes
 * @param graderFingerprint what graded it (grader version, suite hash, exercises): a rerun
 *     regrades when it changes
 * @param message for {@link StudentStatus#ERROR}, why there is no scorecard; for a graded student,
 *     the exercises that could not be graded normally (e.g. {@code threads: compile_error}); else
 *     empty
 * @param durationMs wall-clock time of the grading; never part of a summary
 */
public record StudentEntry(
    String schema,
    String id,
    String source,
    String inputSha256,
    String graderFingerprint,
    StudentStatus status,
    String message,
    long durationMs) {

  public static final String SCHEMA = "concurrency-grader/batch-entry/v1";

  public StudentEntry {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(status, "status must not be null");
    schema = schema == null ? SCHEMA : schema;
    source = source == null ? "" : source;
    inputSha256 = inputSha256 == null ? "" : inputSha256;
    graderFingerprint = graderFingerprint == null ? "" : graderFingerprint;
    message = message == null ? "" : message;
  }
}
