package grader.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;

import grader.report.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch's writers against golden files (grader/src/test/resources/golden/batch/; rerun with
 * {@code -Dgolden.update=true} after an intended change): the gradebook page, summary.json and a
 * student's page, for a class with full marks, failures, a compile error, an unreadable zip, a
 * pending student and student text that tries markup and formulas. The CSV's golden file is
 * {@link SummaryCsvWriterTests}'.
 */
class BatchGoldenTests {
  private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\" \u202Eevil\u0007";

  private static StudentSubmission submission(String id, String source) {
    return new StudentSubmission(id, source, Path.of(source), null);
  }

  static List<StudentOutcome> classOfFive() {
    StudentOutcome alice = StudentOutcome.graded(submission("alice", "Alice Smith, \"Al\""), "in-a", "fp",
        FakeGrader.scorecard("alice", BatchFolders.FULL), 10);
    StudentOutcome bob = StudentOutcome.graded(submission("bob", "bob.zip"), "in-b", "fp",
        FakeGrader.scorecard("bob", BatchFolders.verdicts("threads overlap failed", "threads order passed",
            "compile_error async")), 10);
    StudentOutcome carol = StudentOutcome.error(submission("carol", "carol.zip"), "in-c", "fp",
        "not a readable zip archive: 'carol.zip' (zip END header not found)\nline two", 0);
    StudentOutcome dave = StudentOutcome.pending(submission("dave", "=cmd|' /C calc'!A0"));
    StudentOutcome eve = StudentOutcome.error(submission("eve", HOSTILE), "in-e", "fp", HOSTILE, 0);
    return List.of(eve, dave, carol, bob, alice);
  }

  private static BatchSummary summary() {
    return BatchSummary.of(classOfFive(), List.of("threads", "async"));
  }

  @Test
  void theGradebookPage() throws Exception {
    String html = new GradebookPageWriter().render(summary());
    Golden.assertMatches("batch/index.html", html);
    assertFalse(html.contains("<script>alert"), "student text is escaped");
  }

  @Test
  void theSummaryJson() throws Exception {
    Golden.assertMatches("batch/summary.json", new SummaryJsonWriter().render(summary()));
  }

  @Test
  void aStudentsPage() throws Exception {
    for (StudentOutcome outcome : classOfFive()) {
      String html = new StudentPageWriter().render(outcome, "log of " + outcome.id() + ": " + HOSTILE + "\n");
      Golden.assertMatches("batch/student-" + outcome.id() + ".html", html);
      assertFalse(html.contains("<script>alert"), "student text is escaped");
    }
  }
}
