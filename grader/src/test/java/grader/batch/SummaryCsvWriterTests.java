package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCsvWriterTests {
  private static StudentSubmission submission(String id, String source) {
    return new StudentSubmission(id, source, Path.of(source), null);
  }

  @Test
  void rendersOneRowPerStudentInRfc4180WithEmptyCellsForErrors() {
    StudentOutcome alice = StudentOutcome.graded(submission("alice", "Alice Smith, \"Al\""), "in-a", "fp",
        FakeGrader.scorecard("alice", BatchFolders.FULL), 10);
    StudentOutcome bob = StudentOutcome.graded(submission("bob", "bob.zip"), "in-b", "fp",
        FakeGrader.scorecard("bob", BatchFolders.verdicts("threads overlap failed", "threads order passed", "compile_error async")), 10);
    StudentOutcome carol = StudentOutcome.error(submission("carol", "carol.zip"), "in-c", "fp",
        "not a readable zip archive: 'carol.zip' (zip END header not found)\nline two", 0);
    StudentOutcome dave = StudentOutcome.pending(submission("dave", "=cmd|' /C calc'!A0"));

    String csv = new SummaryCsvWriter().render(BatchSummary.of(List.of(dave, carol, bob, alice), List.of("threads", "async")));

    assertEquals(
        "student,total,max_score,threads,async,status,message,source\r\n"
            + "alice,15,15,10,5,graded,,\"Alice Smith, \"\"Al\"\"\"\r\n"
            + "bob,5,35,5,0,graded,async: compile_error (does not compile),bob.zip\r\n"
            + "carol,,,,,error,\"not a readable zip archive: 'carol.zip' (zip END header not found)\nline two\",carol.zip\r\n"
            + "dave,,,,,pending,not graded yet,'=cmd|' /C calc'!A0\r\n",
        csv);
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
    assertEquals("87.5", BatchSummary.format(new java.math.BigDecimal("87.50")));
    assertEquals("100", BatchSummary.format(new java.math.BigDecimal("1E+2")));
    assertEquals("0", BatchSummary.format(new java.math.BigDecimal("0.000")));
  }
}
