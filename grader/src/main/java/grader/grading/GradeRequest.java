package grader.grading;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * One submission to grade.
 *
 * @param submission a folder shaped like {@code exercises/}, or a zip of one
 * @param submissionId the name that goes into the scorecard (student or folder name)
 * @param exercises the exercise ids to grade; empty means all, in rubric order either way
 */
public record GradeRequest(Path submission, String submissionId, Set<String> exercises) {
  public GradeRequest {
    Objects.requireNonNull(submission, "submission must not be null");
    Objects.requireNonNull(submissionId, "submissionId must not be null");
    exercises = Set.copyOf(exercises);
  }

  public static GradeRequest all(Path submission, String submissionId) {
    return new GradeRequest(submission, submissionId, Set.of());
  }
}
