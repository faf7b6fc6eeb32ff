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
 * pass in a collapsed block.
 *
 * <p>Everything a submission controls (its id, file names in warnings and messages, compiler
 * output, test feedback and output) is shown literally: in a code span with more backticks than it
 * holds ({@link #literal}) or a fenced block ({@link #fenced}), where Markdown, HTML, autolinks and
 * {@code @mentions} do nothing; pipes are escaped so a table cell stays one cell. The grader's own
 * words (titles, test names) have every Markdown punctuation character escaped ({@link #cell}).
 */
public final class MarkdownReport implements ScorecardRenderer {
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  @Override
  public String render(Scorecard scorecard) {
    StringBuilder md = new StringBuilder();
    md.append("## Grade: ").append(Points.of(scorecard.score(), scorecard.maxScore())).append("\n\n");
    md.append("Submission ").append(literal(scorecard.submission().id())).append(" · sha256 `")
        .append(ReportText.abbreviate(scorecard.submission().sha256())).append("` · isolation: ")
        .append(scorecard.isolation().id()).append(" · graded in ").append(Points.duration(scorecard.durationMs()))
        .append("\n\n");
    md.append("| Exercise | Status | Score |\n|---|---|---:|\n");
    for (ExerciseResult exercise : scorecard.exercises()) {
      md.append("| ").append(cell(exercise.id() + " · " + exercise.title())).append(" | ")
          .append(ReportText.label(exercise.status())).append(" | ")
          .append(Points.of(exercise.score(), exercise.maxScore())).append(" |\n");
    }
    md.append("| **Total** | | **").append(Points.of(scorecard.score(), scorecard.maxScore())).append("** |\n");
    if (scorecard.heldBackPoints() != null) {
      md.append("\n").append(ReportText.heldBack(scorecard)).append("\n");
    }
    if (!scorecard.warnings().isEmpty()) {
      md.append("\n**Warnings**\n\n");
      for (String warning : scorecard.warnings()) {
        md.append("- ").append(literal(warning)).append('\n');
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
        md.append("**").append(ReportText.label(exercise.status())).append("**");
      }
      if (exercise.message() != null && !exercise.message().isBlank()) {
        md.append(exercise.status() != ExerciseStatus.GRADED ? ": " : "").append(literal(exercise.message()));
      }
      md.append('\n');
    }
    if (!exercise.diagnostics().isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (Diagnostic d : exercise.diagnostics()) {
        text.append(ReportText.location(d)).append(d.kind()).append(": ").append(d.message()).append('\n');
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
        text.append("measured: ").append(ReportText.measurements(test.measurements())).append('\n');
      }
      md.append("\n<details><summary>").append(icon(test.status())).append(' ').append(html(test.name()))
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

  /**
   * ASCII punctuation that can mean something inside a line of GFM (emphasis, code, links, HTML,
   * entities, strikethrough, table cells, autolinks); each gets a backslash (CommonMark 2.4).
   */
  private static final String MARKDOWN_PUNCTUATION = "\\`*_[]<>|~&!@:#";

  /**
   * The grader's own text for a table cell or a line: one line, every Markdown punctuation
   * character backslash-escaped, so nothing is bold, a link, HTML or a table break.
   */
  static String cell(String text) {
    String line = unlinked(TerminalText.line(text).strip());
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Text a submission controls, on one line, as an inline code span: delimited by one backtick
   * more than its longest run of backticks, padded when it starts or ends with one. Only for
   * paragraphs and list items: in a code span a backslash is literal, so a pipe cannot be escaped
   * there and student text never goes into a table. Empty text gives an empty string.
   */
  static String literal(String text) {
    String line = TerminalText.line(text).strip();
    if (line.isEmpty()) {
      return "";
    }
    int longest = 0;
    Matcher m = BACKTICKS.matcher(line);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
    return fence + pad + line + pad + fence;
  }

  /** The grader's own text inside the HTML of a {@code <summary>}: markup escaped, one line. */
  static String html(String text) {
    return HtmlText.escape(unlinked(TerminalText.line(text).strip()));
  }

  /**
   * Text where GitHub finds no autolink ({@code https://}, {@code www.}) and no {@code @mention}:
   * an invisible WORD JOINER (U+2060) breaks each pattern; escaping alone does not, because GitHub
   * looks for them in the rendered text.
   */
  static String unlinked(String text) {
    return text.replace("://", ":\u2060//").replace("www.", "www\u2060.").replace("WWW.", "WWW\u2060.")
        .replace("@", "@\u2060");
  }

  /** A fenced block longer than any run of backticks inside, so the text cannot close it. */
  static String fenced(String text) {
    int longest = 2;
    Matcher m = BACKTICKS.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String body = TerminalText.sanitize(text).stripTrailing();
    return fence + "text\n" + body + "\n" + fence + "\n";
  }
}
