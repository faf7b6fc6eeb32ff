package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.cli.CliEnvironment;
import grader.cli.GraderFactory;
import grader.cli.Grading;
import grader.cli.Main;
import grader.grading.GradeRequest;
import grader.scorecard.Scorecard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grader batch} and {@code grader merge} through {@link Main}, with a fake engine. */
class BatchCommandTests {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger gradings = new AtomicInteger();

  /** An engine that reads verdicts.txt like {@link FakeGrader} and reports a note through the listener. */
  private final GraderFactory factory = (options, listener, warnings) -> new Grading() {
    @Override
    public List<String> exerciseIds() {
      return List.of("threads", "processes", "async", "compare");
    }

    @Override
    public Scorecard grade(GradeRequest request) {
      gradings.incrementAndGet();
      listener.note(request.submissionId(), "intake: skipped notes.txt (not a source file)");
      try {
        String verdicts = Files.readString(request.submission().resolve("verdicts.txt"));
        StringBuilder kept = new StringBuilder();
        for (String line : verdicts.split("\n")) {
          if (request.exercises().isEmpty() || request.exercises().contains(line.split(" ")[0])) {
            kept.append(line).append('\n');
          }
        }
        return FakeGrader.scorecard(request.submissionId(), kept.toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  };

  @BeforeEach
  void submissions() throws Exception {
    for (int i = 0; i < 7; i++) {
      BatchFolders.folder(tmp.resolve("subs"), "student" + i, Map.of("verdicts.txt", i % 2 == 0 ? BatchFolders.FULL : BatchFolders.HALF));
    }
  }

  private int grader(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return new Main(new PrintWriter(out, true), new PrintWriter(err, true), new CliEnvironment(Map.of(), false, tmp), factory).run(args);
  }

  @Test
  void gradesResumesAndShardsThroughTheCommandLine() throws Exception {
    assertEquals(Main.OK, grader("batch", "subs", "--out", "all", "--jobs", "2"), err.toString());
    assertEquals(7, gradings.get());
    assertTrue(out.toString().contains("batch: 7 submissions"), out.toString());
    assertTrue(out.toString().contains("Gradebook: " + tmp.resolve("all/index.html")), out.toString());
    assertTrue(Files.readString(tmp.resolve("all/student3/grading.log")).contains("note: intake: skipped notes.txt"));
    assertTrue(Files.readString(tmp.resolve("all/student3/results.json")).contains("\"score\""), "Gradescope export");

    assertEquals(Main.OK, grader("batch", "subs", "--out", "all"));
    assertEquals(7, gradings.get(), "nothing changed: nothing regraded");
    assertEquals(7, out.toString().lines().filter(l -> l.contains("up to date (kept)")).count(), out.toString());

    assertEquals(Main.OK, grader("batch", "subs", "--out", "all", "--only", "student2,student5"));
    assertEquals(9, gradings.get());

    assertEquals(Main.OK, grader("batch", "subs", "--out", "all", "--exercise", "threads"));
    assertEquals(16, gradings.get(), "another exercise selection is another grader: everyone regraded");
    assertTrue(Files.readString(tmp.resolve("all/summary.csv")).startsWith("\"student\",\"total\",\"max_score\",\"threads\",\"status\","));

    assertEquals(Main.OK, grader("batch", "subs", "--out", "s1", "--shard", "1/2", "--exercise", "threads"));
    assertEquals(Main.OK, grader("batch", "subs", "--out", "s2", "--shard=2/2", "--exercise=threads"));
    assertEquals(Main.OK, grader("merge", "s1", "s2", "--out", "merged"), err.toString());
    assertEquals(-1, Files.mismatch(tmp.resolve("all/summary.csv"), tmp.resolve("merged/summary.csv")));
  }

  @Test
  void wrongUsageExitsWithTwoAndSaysWhy() throws Exception {
    assertUsage("missing --out", "batch", "subs");
    assertUsage("missing the folder of submissions", "batch", "--out", "x");
    assertUsage("--jobs must be a whole number from 1 to 256, was 0", "batch", "subs", "--out", "x", "--jobs", "0");
    assertUsage("--jobs must be a whole number from 1 to 256, was many", "batch", "subs", "--out", "x", "--jobs", "many");
    assertUsage("add 1 to a 0-based JOB_COMPLETION_INDEX", "batch", "subs", "--out", "x", "--shard", "0/4");
    assertUsage("unknown option --frobnicate", "batch", "subs", "--out", "x", "--frobnicate");
    assertUsage("unknown exercise sorting", "batch", "subs", "--out", "x", "--exercise", "sorting");
    assertUsage("--only names students that are not in the submissions folder: nobody", "batch", "subs", "--out", "x",
        "--only", "nobody");
    assertUsage("is inside the submissions folder", "batch", "subs", "--out", "subs/out");
    assertUsage("does not exist", "batch", "nowhere", "--out", "x");
    assertUsage("missing the shard output folders", "merge", "--out", "x");
    assertUsage("has no batch.json", "merge", "subs", "--out", "x");
    assertEquals(0, gradings.get(), "nothing graded on wrong usage");
  }

  @Test
  void helpListsBothCommands() {
    assertEquals(Main.OK, grader("--help"));
    assertTrue(out.toString().contains("batch") && out.toString().contains("merge"), out.toString());
    assertEquals(Main.OK, grader("batch", "--help"));
    assertTrue(out.toString().contains("--shard I/N"), out.toString());
  }

  private void assertUsage(String message, String... args) {
    assertEquals(Main.USAGE, grader(args), String.join(" ", args) + "\n" + out + err);
    assertTrue(err.toString().contains(message), "expected '" + message + "' in: " + err);
  }
}
