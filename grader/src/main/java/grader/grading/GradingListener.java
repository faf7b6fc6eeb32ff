package grader.grading;

import grader.rubric.ExerciseRubric;
import grader.scorecard.ExerciseResult;
import grader.scorecard.TestResult;

/**
 * Progress of a grading run as it happens, for the terminal report and batch progress. Every
 * callback names the submission, so one listener can serve a batch that grades several at once;
 * callbacks for one submission come from one thread, in order.
 */
public interface GradingListener {
  GradingListener NONE = new GradingListener() {};

  default void exerciseStarted(String submissionId, ExerciseRubric exercise) {}

  /** {@code name} is the test's display name. */
  default void testStarted(String submissionId, String exerciseId, String testId, String name) {}

  default void testFinished(String submissionId, String exerciseId, TestResult result) {}

  default void exerciseFinished(String submissionId, ExerciseResult result) {}

  /** A line worth keeping in a log (what intake refused, restarts, warnings). */
  default void note(String submissionId, String message) {}
}
