package grader.policy;

import grader.scorecard.Diagnostic;
import java.util.List;

/**
 * What the policy found in one exercise's classes.
 *
 * @param findings the first findings, in {@link PolicyFinding#ORDER}, at most {@link BytecodePolicy#MAX_FINDINGS}
 * @param total how many distinct findings there were in all
 * @param classesChecked how many class files were read
 */
public record PolicyResult(List<PolicyFinding> findings, int total, int classesChecked) {
  public PolicyResult {
    findings = List.copyOf(findings);
    if (total < findings.size()) {
      throw new IllegalArgumentException("total must be at least the findings kept, was " + total);
    }
  }

  /** Whether the exercise may run. */
  public boolean passed() {
    return total == 0;
  }

  /** The exercise's message for the student, or {@code null} when it passed. */
  public String message() {
    if (passed()) {
      return null;
    }
    PolicyFinding first = findings.get(0);
    return "uses Java API the grader does not allow (see below): " + first.api() + " in " + first.file()
        + (first.line() > 0 ? " line " + first.line() : "")
        + (total > 1 ? " and " + (total - 1) + " more" : "") + "; the exercise was not run";
  }

  public List<Diagnostic> diagnostics() {
    return findings.stream().map(PolicyFinding::toDiagnostic).toList();
  }
}
