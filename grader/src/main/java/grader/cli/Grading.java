package grader.cli;

import grader.grading.GradeRequest;
import grader.grading.GradingException;
import grader.scorecard.Scorecard;
import java.util.List;

/** A ready grading engine as the commands see it: the real {@link grader.grading.Grader}, or a fake in tests. */
public interface Grading {
  /** The exercise ids the rubric knows, in report order. */
  List<String> exerciseIds();

  Scorecard grade(GradeRequest request) throws GradingException, InterruptedException;

  /** What grades (version, Java, suite hash, limits), where known: batch regrades when it changes. */
  default java.util.Optional<grader.scorecard.GraderInfo> info() {
    return java.util.Optional.empty();
  }
}
