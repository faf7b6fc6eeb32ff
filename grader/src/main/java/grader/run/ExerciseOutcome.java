package grader.run;

import grader.scorecard.ExerciseStatus;
import java.util.List;
import java.util.Objects;

/**
 * Everything one exercise's run produced: a status ({@link ExerciseStatus#GRADED}, or {@link
 * ExerciseStatus#CRASHED} if no test could run at all), a message for the student when something
 * went wrong, one outcome per rubric test in rubric order, and engine facts for warnings.
 *
 * @param jvms how many child JVMs ran (1 unless a test ended its JVM)
 * @param rejectedLines lines in the results channel that were not sealed by the harness (forgeries
 *     or garbage), all ignored
 * @param contradictions sealed results that contradicted what the parent knows ({@link ReportCheck}):
 *     those tests were not scored; one sentence each, for the scorecard's warnings
 */
public record ExerciseOutcome(String exerciseId, ExerciseStatus status, String message, List<TestOutcome> tests,
    int jvms, int rejectedLines, List<String> contradictions) {

  public ExerciseOutcome {
    Objects.requireNonNull(exerciseId, "exerciseId must not be null");
    Objects.requireNonNull(status, "status must not be null");
    tests = List.copyOf(tests);
    contradictions = List.copyOf(contradictions);
  }
}
