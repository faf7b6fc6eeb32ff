package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressListenerTests {
  private final AtomicLong clock = new AtomicLong();
  private final StringWriter out = new StringWriter();

  private static StudentOutcome graded(String id) {
    StudentSubmission s = new StudentSubmission(id, id, Path.of(id), null);
    return StudentOutcome.graded(s, "in", "fp", FakeGrader.scorecard(id, BatchFolders.FULL), 20_000);
  }

  private static StudentOutcome error(String id) {
    return StudentOutcome.error(new StudentSubmission(id, id + ".zip", Path.of(id), null), "in", "fp", "not a readable zip archive", 0);
  }

  private BatchResult result(int students) {
    return new BatchResult(Path.of("out"), BatchSummary.of(java.util.Collections.nCopies(0, graded("x")), java.util.List.of()), students, 0, 1);
  }

  @Test
  void plainOutputWritesOneLinePerStudentAndNoCarriageReturns() {
    ProgressListener progress = new ProgressListener(out, false, 80, clock::get);
    progress.started(3, ShardSpec.ALL);
    progress.studentStarted("alice");
    progress.studentFinished(graded("alice"), false);
    progress.studentFinished(graded("bob"), true);
    progress.studentFinished(error("carol"), false);
    progress.finished(result(3));

    String text = out.toString();
    assertFalse(text.contains("\r"), text);
    assertEquals(String.join(System.lineSeparator(),
            "batch: 3 submissions",
            "[1/3] alice: 15 / 15 in 20.0 s",
            "[2/3] bob: 15 / 15, up to date (kept)",
            "[3/3] carol: error: not a readable zip archive",
            "batch: 0 students: 3 graded now, 0 up to date, 1 error, took 0s", ""),
        text);
  }

  @Test
  void terminalOutputRedrawsOneLineWithCountsErrorsAndEta() {
    ProgressListener progress = new ProgressListener(out, true, 100, clock::get);
    progress.started(4, new ShardSpec(2, 3));
    progress.studentStarted("alice");
    progress.studentStarted("bob");
    assertEquals("[------------------------] 0/4  0 errors  ETA --  grading alice, bob", progress.progressLine());
    clock.set(30_000_000_000L);
    progress.studentFinished(graded("alice"), false);
    assertEquals("[######------------------] 1/4  0 errors  ETA 1m30s  grading bob", progress.progressLine());
    progress.studentFinished(error("bob"), false);
    assertEquals("[############------------] 2/4  1 error  ETA 1m00s", progress.progressLine());
    progress.finished(result(2));

    String text = out.toString();
    assertTrue(text.startsWith("batch: 4 submissions in shard 2/3" + System.lineSeparator()), text);
    assertTrue(text.contains("\r[######------------------] 1/4  0 errors  ETA 1m30s  grading bob"), text);
    assertTrue(text.contains("[2/4] bob: error: not a readable zip archive" + System.lineSeparator()), "problems scroll by: " + text);
    assertFalse(text.contains("[1/4] alice"), "successes only move the bar: " + text);
    assertTrue(text.endsWith("took 30s" + System.lineSeparator()), "ends with a clean summary line: " + text);
  }

  @Test
  void theLineNeverOutgrowsTheTerminal() {
    ProgressListener progress = new ProgressListener(out, true, 50, clock::get);
    progress.started(100, ShardSpec.ALL);
    for (int i = 0; i < 8; i++) {
      progress.studentStarted("a-rather-long-student-name-" + i);
    }
    assertTrue(progress.progressLine().length() <= 49, progress.progressLine());
  }

  @Test
  void durationsReadNaturally() {
    assertEquals("59s", ProgressListener.duration(59));
    assertEquals("1m05s", ProgressListener.duration(65));
    assertEquals("2h03m", ProgressListener.duration(2 * 3600 + 3 * 60 + 5));
  }
}
