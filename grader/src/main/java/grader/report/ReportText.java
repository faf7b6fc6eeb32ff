package grader.report;

import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words every report uses alike, before its own escaping: a status as a label, a compiler
 * finding's place, measurements, a short hash, the held-back line. Numbers are {@link Points}';
 * escaping is each format's own (terminal: {@link TerminalText}, HTML: {@code HtmlText}, Markdown:
 * {@link MarkdownReport}, XML: {@link JUnitXmlReport}).
 */
public final class ReportText {
  private ReportText() {}

  /** {@code compile error} for {@code compile_error}. */
  public static String label(ExerciseStatus status) {
    return status.id().replace('_', ' ');
  }

  /** {@code Foo.java:3:7: }, or nothing for a finding without a file. */
  public static String location(Diagnostic d) {
    if (d.file() == null || d.file().isEmpty()) {
      return "";
    }
    return d.file() + (d.line() > 0 ? ":" + d.line() + (d.column() > 0 ? ":" + d.column() : "") : "") + ": ";
  }

  /** {@code a=1, b=2}, sorted by name. */
  public static String measurements(Map<String, String> measurements) {
    return measurements.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The first 12 hex digits of a hash, {@code -} without one. */
  public static String abbreviate(String sha256) {
    return sha256 == null ? "-" : sha256.substring(0, Math.min(12, sha256.length()));
  }

  /** The line under the total of a student bundle's report: what the instructor's grading adds. */
  public static String heldBack(Scorecard scorecard) {
    return "Held back: " + Points.format(scorecard.heldBackPoints())
        + " more points are graded by hidden tests only your instructor's grader runs";
  }
}
