package grader.report;

import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scorecard as GitHub-flavoured Markdown, for a CI job summary or a pull-request comment: an
 * overview table, then per exercise a table of tests and the feedback of each test that did not
 * pass in a collapsed block. Text from the run is escaped (tables) or fenced (feedback), so it
 * cannot break the page or inject HTML.
 */
public final class MarkdownReport implements ScorecardRenderer {
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  @Override
  public String render(Scorecard scorecard) {
    StringBuilder md = new StringBuilder();
    md.append("## Grade: ").append(Points.of(scorecard.score(), scorecard.maxScore())).append("\n\n");
    md.append("Submission `").append(code(scorecard.submission().id())).append("` · sha256 `")
        .append(TerminalReport.abbreviate(scorecard.submission().sha256())).append("` · isolation: ")
        .append(scorecard.isolation().id()).append(" · graded in ").append(Points.duration(scorecard.durationMs()))
        .append("\n\n");
    md.append("| Exercise | Status | Score |\n|---|---|---:|\n");
    for (ExerciseResult exercise : scorecard.exercises()) {
      md.append("| ").append(cell(exercise.id() + " · " + exercise.title())).append(" | ")
          .append(TerminalReport.label(exercise.status())).append(" | ")
          .append(Points.of(exercise.score(), exercise.maxScore())).append(" |\n");
    }
    md.append("| **Total** | | **").append(Points.of(scorecard.score(), scorecard.maxScore())).append("** |\n");
    if (scorecard.heldBackPoints() != null) {
      md.append("\n").append(TerminalReport.heldBack(scorecard)).append("\n");
    }
    if (!scorecard.warnings().isEmpty()) {
      md.append("\n**Warnings**\n\n");
      for (String warning : scorecard.warnings()) {
        md.append("- ").append(cell(warning)).append('\n');
      }
    }
    for (ExerciseResult exercise : scorecard.exercises()) {
      exercise(md, exercise);
    }
    return md.toString();
  }

  private void exercise(StringBuilder md, ExerciseResult exercise) {
    md.append("\n### ").append(cell(exercise.id() + " · " + exercise.title())).append(": ")
        .append(Points.of(exercise.score(), exercise.maxScore())).append('\n');
    if (exercise.status() != ExerciseStatus.GRADED || (exercise.message() != null && !exercise.message().isBlank())) {
      md.append('\n');
      if (exercise.status() != ExerciseStatus.GRADED) {
        md.append("**").append(TerminalReport.label(exercise.status())).append("**");
      }
      if (exercise.message() != null && !exercise.message().isBlank()) {
        md.append(exercise.status() != ExerciseStatus.GRADED ? ": " : "").append(cell(exercise.message()));
      }
      md.append('\n');
    }
    if (!exercise.diagnostics().isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (Diagnostic d : exercise.diagnostics()) {
        text.append(TerminalReport.location(d)).append(d.kind()).append(": ").append(d.message()).append('\n');
      }
      md.append('\n').append(fenced(text.toString()));
    }
    if (exercise.tests().isEmpty()) {
      return;
    }
    md.append("\n| | Test | Points |\n|---|---|---:|\n");
    for (TestResult test : exercise.tests()) {
      md.append("| ").append(icon(test.status())).append(" | ").append(cell(test.name()))
          .append(test.review() ? " *(also read by a person)*" : "").append(" | ")
          .append(Points.of(test.score(), test.maxScore())).append(" |\n");
    }
    for (TestResult test : exercise.tests()) {
      boolean hasMessage = test.message() != null && !test.message().isBlank()
          && !test.message().equals(exercise.message());
      if (test.status() == TestStatus.PASSED || (!hasMessage && test.measurements().isEmpty())) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      if (hasMessage) {
        text.append(test.message().strip()).append('\n');
      }
      if (!test.measurements().isEmpty()) {
        text.append("measured: ").append(TerminalReport.measurements(test.measurements())).append('\n');
      }
      md.append("\n<details><summary>").append(icon(test.status())).append(' ').append(cell(test.name()))
          .append("</summary>\n\n").append(fenced(text.toString())).append("\n</details>\n");
    }
  }

  static String icon(TestStatus status) {
    switch (status) {
      case PASSED:
        return "✅";
      case TIMED_OUT:
        return "⏱️";
      case NOT_RUN:
        return "➖";
      default:
        return "❌";
    }
  }

  /** Text for a table cell or a line: one line, no table breaks, no HTML. */
  static String cell(String text) {
    return TerminalReport.printable(text).strip()
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("|", "\\|").replace("\n", " ").replace("\t", " ");
  }

  private static String code(String text) {
    return TerminalReport.printable(text).replace("`", "'").replace("\n", " ");
  }

  /** A fenced block longer than any run of backticks inside, so the text cannot close it. */
  static String fenced(String text) {
    int longest = 2;
    Matcher m = BACKTICKS.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String body = TerminalReport.printable(text).stripTrailing();
    return fence + "text\n" + body + "\n" + fence + "\n";
  }
}
