package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import grader.report.Golden;
import grader.report.Points;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCsvWriterTests {
  private static StudentSubmission submission(String id, String source) {
    return new StudentSubmission(id, source, Path.of(source), null);
  }

  @Test
  void rendersOneRowPerStudentWithEveryTextCellQuotedAndDefused() throws Exception {
    StudentOutcome alice = StudentOutcome.graded(submission("alice", "Alice Smith, \"Al\""), "in-a", "fp",
        FakeGrader.scorecard("alice", BatchFolders.FULL), 10);
    StudentOutcome bob = StudentOutcome.graded(submission("bob", "bob.zip"), "in-b", "fp",
        FakeGrader.scorecard("bob", BatchFolders.verdicts("threads overlap failed", "threads order passed", "compile_error async")), 10);
    StudentOutcome carol = StudentOutcome.error(submission("carol", "carol.zip"), "in-c", "fp",
        "not a readable zip archive: 'carol.zip' (zip END header not found)\nline two", 0);
    StudentOutcome dave = StudentOutcome.pending(submission("dave", "=cmd|' /C calc'!A0"));
    StudentOutcome eve = StudentOutcome.error(submission("eve", "eve;=1+1;"), "in-e", "fp",
        "x.java does not compile: x;=HYPERLINK(\"http://evil\",\"click\");y.java\t+SUM(A1)| -2;@cmd; \uFF1D1\r=1", 0);

    String csv = new SummaryCsvWriter().render(BatchSummary.of(List.of(eve, dave, carol, bob, alice),
        List.of("threads", "async")));

    Golden.assertMatches("summary.csv", csv);
    assertFalse(csv.matches("(?s).*[,;\t|\n\r] *[=+\\-@\uFF1D].*"), "no separator is followed by a formula start:\n" + csv);
  }

  @Test
  void defusesAFormulaStartAfterEverySeparatorASpreadsheetMaySplitOn() {
    assertEquals("'=1+1", SpreadsheetText.defuse("=1+1"));
    assertEquals("eve;'=1+1;", SpreadsheetText.defuse("eve;=1+1;"));
    assertEquals("a,'+b\t'-c|'@d\n'\uFF1De", SpreadsheetText.defuse("a,+b\t-c|@d\n\uFF1De"));
    assertEquals("a; '=b", SpreadsheetText.defuse("a; =b"), "spaces a spreadsheet trims do not hide it");
    assertEquals("'\t'=x", SpreadsheetText.defuse("\t=x"));
    assertEquals("3-2 = 1, ok", SpreadsheetText.defuse("3-2 = 1, ok"), "inside a piece nothing changes");
    assertEquals("", SpreadsheetText.defuse(""));
  }

  @Test
  void exerciseColumnsFollowTheRubricThenFirstAppearance() {
    StudentOutcome a = StudentOutcome.graded(submission("a", "a"), "", "",
        FakeGrader.scorecard("a", BatchFolders.verdicts("zeta t passed", "async t passed", "threads t passed")), 1);
    BatchSummary summary = BatchSummary.of(List.of(a), List.of("threads", "processes", "async"));
    assertEquals(List.of("threads", "async", "zeta"), summary.exercises().stream().map(BatchSummary.ExerciseColumn::id).toList());
  }

  @Test
  void exercisesWithTheSameProblemShareOneMessage() {
    StudentOutcome a = StudentOutcome.graded(submission("a", "a"), "", "",
        FakeGrader.scorecard("a", BatchFolders.verdicts("compile_error threads", "processes t passed", "compile_error async")), 1);
    assertEquals("threads, async: compile_error (does not compile)", a.entry().message());
  }

  @Test
  void numbersArePlainDecimals() {
    assertEquals("87.5", Points.format(new java.math.BigDecimal("87.50")));
    assertEquals("100", Points.format(new java.math.BigDecimal("1E+2")));
    assertEquals("0", Points.format(new java.math.BigDecimal("0.000")));
  }
}
