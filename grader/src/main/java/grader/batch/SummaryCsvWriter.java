package grader.batch;

import grader.scorecard.ExerciseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders {@code summary.csv}: one row per student for an LMS gradebook import, RFC 4180 (CRLF line
 * ends, fields quoted only when needed, quotes doubled), UTF-8, no timestamps.
 *
 * <p>Columns: {@code student, total, max_score}, one column per exercise (its score), {@code status}
 * ({@code graded | error | pending}), {@code message} (why there is no score, or which exercises
 * could not be graded normally) and {@code source} (the folder or zip name the id came from). A
 * student without a scorecard has empty score cells, never a made-up zero.
 */
public final class SummaryCsvWriter {
  private static final String CRLF = "\r\n";

  public String render(BatchSummary summary) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("student", "total", "max_score"));
    summary.exercises().forEach(e -> header.add(e.id()));
    header.addAll(List.of("status", "message", "source"));
    appendRow(csv, header);
    for (StudentOutcome student : summary.students()) {
      List<String> row = new ArrayList<>();
      row.add(student.id());
      boolean scored = student.scorecard() != null;
      row.add(scored ? BatchSummary.format(student.scorecard().score()) : "");
      row.add(scored ? BatchSummary.format(student.scorecard().maxScore()) : "");
      for (BatchSummary.ExerciseColumn column : summary.exercises()) {
        Optional<ExerciseResult> exercise = BatchSummary.exercise(student, column.id());
        row.add(exercise.map(e -> BatchSummary.format(e.score())).orElse(""));
      }
      row.add(student.status().id());
      row.add(defuse(student.entry().message()));
      row.add(defuse(student.entry().source()));
      appendRow(csv, row);
    }
    return csv.toString();
  }

  private static void appendRow(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quote(fields.get(i)));
    }
    csv.append(CRLF);
  }

  /** RFC 4180 quoting: only fields with a comma, quote or line break are quoted. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /**
   * Keeps spreadsheets from running a text cell as a formula (CSV injection): a leading {@code = + -
   * @} or tab gets an apostrophe, which spreadsheets show as text.
   */
  static String defuse(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
