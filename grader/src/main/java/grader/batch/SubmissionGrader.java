package grader.batch;

import grader.scorecard.Scorecard;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Grades one submission for the batch: the seam between the batch logic and the grading engine, so
 * the batch can be tested with fake scorecards.
 *
 * <p>Implementations must be safe to call from several threads at once. Anything they throw becomes
 * an error row for that student; the batch goes on.
 */
@FunctionalInterface
public interface SubmissionGrader {
  /**
   * Grades the folder or zip at {@code submission} under the id {@code submissionId}.
   *
   * @param log receives the grading's messages and warnings, one line per call; the batch keeps
   *     them in the student's {@code grading.log}
   */
  Scorecard grade(Path submission, String submissionId, Consumer<String> log) throws Exception;
}
