package grader.batch;

import grader.report.Points;
import grader.scorecard.ExerciseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Renders {@code summary.csv}: one row per student for an LMS gradebook import, RFC 4180 (CRLF line
 * ends, quotes doubled) through Apache Commons CSV, UTF-8, no timestamps. Every cell that holds
 * text is quoted and defused against formulas ({@link SpreadsheetText}); scores are bare numbers.
 *
 * <p>Columns: {@code student, total, max_score}, one column per exercise (its score), {@code status}
 * ({@code graded | error | pending}), {@code message} (why there is no score, or which exercises
 * could not be graded normally) and {@code source} (the folder or zip name the id came from). A
 * student without a scorecard has empty score cells, never a made-up zero.
 */
public final class SummaryCsvWriter {
  /** Text quoted, numbers bare, empty score cells empty: what gradebook imports expect. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get();

  public String render(BatchSummary summary) {
    StringBuilder csv = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
      List<Object> header = new ArrayList<>(List.of("student", "total", "max_score"));
      summary.exercises().forEach(e -> header.add(SpreadsheetText.defuse(e.id())));
      header.addAll(List.of("status", "message", "source"));
      printer.printRecord(header);
      for (StudentOutcome student : summary.students()) {
        List<Object> row = new ArrayList<>();
        row.add(SpreadsheetText.defuse(student.id()));
        boolean scored = student.scorecard() != null;
        row.add(scored ? number(student.scorecard().score()) : null);
        row.add(scored ? number(student.scorecard().maxScore()) : null);
        for (BatchSummary.ExerciseColumn column : summary.exercises()) {
          Optional<ExerciseResult> exercise = BatchSummary.exercise(student, column.id());
          row.add(exercise.map(e -> (Object) number(e.score())).orElse(null));
        }
        row.add(student.status().id());
        row.add(SpreadsheetText.defuse(student.entry().message()));
        row.add(SpreadsheetText.defuse(student.entry().source()));
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return csv.toString();
  }

  /** The score as the number it prints as ({@link Points#format}): never "1E+2". */
  private static BigDecimal number(BigDecimal score) {
    return new BigDecimal(Points.format(score));
  }
}
