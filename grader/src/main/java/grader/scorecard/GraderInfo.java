package grader.scorecard;

import java.util.Map;

/**
 * What graded a submission, so a regrade can be reproduced: grader version, the Java that ran the
 * suites, a hash of the suites and rubric, and the limits in force.
 */
public record GraderInfo(String version, String java, String suiteHash, Map<String, String> limits) {
  public GraderInfo {
    limits = Map.copyOf(limits);
  }
}
