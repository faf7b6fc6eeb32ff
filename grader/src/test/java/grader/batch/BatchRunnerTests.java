package grader.batch;

import static grader.batch.BatchFolders.FULL;
import static grader.batch.BatchFolders.HALF;
import static grader.batch.BatchFolders.folder;
import static grader.batch.BatchFolders.verdicts;
import static grader.batch.BatchFolders.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTests {
  private static final List<String> ORDER = List.of("threads", "processes", "async", "compare");
  @TempDir Path tmp;
  private Path submissions;

  @BeforeEach
  void makeSubmissions() throws IOException {
    submissions = tmp.resolve("submissions");
    for (int i = 0; i < 12; i++) {
      String verdicts = i % 3 == 0 ? HALF : FULL;
      if (i % 4 == 1) {
        zip(submissions, "Student " + i + "_" + (1000 + i) + "_assignsubmission_file_.zip", Map.of("s/verdicts.txt", verdicts));
      } else {
        folder(submissions, "Student " + i + " - 2026-11-20", Map.of("verdicts.txt", verdicts, "src/A.java", "class A {}"));
      }
    }
    folder(submissions, "thrower", Map.of("verdicts.txt", verdicts("throw the engine fell over")));
    folder(submissions, "compile-error", Map.of("verdicts.txt", verdicts("threads a passed", "compile_error async")));
    Files.createDirectories(submissions.resolve("empty"));
    Files.write(submissions.resolve("garbage.zip"), new byte[] {'P', 'K', 0, 0, 9});
  }

  private static BatchRunner runner(SubmissionGrader grader, String fingerprint) {
    return new BatchRunner(grader, fingerprint, ORDER, List.of(new StudentExport("results.json", s -> "{\"score\": " + s.score() + "}\n")),
        BatchListener.silent(), System::nanoTime);
  }

  private BatchResult run(FakeGrader grader, BatchOptions options) throws Exception {
    return runner(grader, "fp-1").run(options);
  }

  @Test
  void gradesEveryoneWritesEveryFileAndTurnsFailuresIntoRows() throws Exception {
    FakeGrader grader = new FakeGrader();
    Path out = tmp.resolve("out");

    BatchResult result = run(grader, BatchOptions.of(submissions, out, 3));

    assertEquals(16, result.summary().students().size());
    assertEquals(14, grader.total(), "the empty folder and the broken zip never reach the grader");
    assertEquals(3, result.errors());
    for (StudentOutcome s : result.summary().students()) {
      Path dir = out.resolve(s.id());
      assertTrue(Files.isRegularFile(dir.resolve("batch-entry.json")), s.id());
      assertTrue(Files.isRegularFile(dir.resolve("grading.log")), s.id());
      assertTrue(Files.isRegularFile(dir.resolve("index.html")), s.id());
      assertEquals(s.status() == StudentStatus.GRADED, Files.isRegularFile(dir.resolve("scorecard.json")), s.id());
      assertEquals(s.status() == StudentStatus.GRADED, Files.isRegularFile(dir.resolve("results.json")), s.id());
    }
    String csv = Files.readString(out.resolve("summary.csv"));
    assertTrue(csv.startsWith("\"student\",\"total\",\"max_score\",\"threads\",\"async\",\"status\",\"message\",\"source\"\r\n"), csv);
    assertTrue(csv.contains("\r\n\"thrower\",,,,,\"error\",\"grading failed: the engine fell over\",\"thrower\"\r\n"), csv);
    assertTrue(csv.contains("\r\n\"empty\",,,,,\"error\",\"empty submission: the folder 'empty' contains no files\",\"empty\"\r\n"), csv);
    assertTrue(csv.contains("\r\n\"garbage\",,,,,\"error\",\"not a readable zip archive: 'garbage.zip'"), csv);
    assertTrue(csv.contains("\r\n\"compile-error\",5,30,5,0,\"graded\",\"async: compile_error (does not compile)\",\"compile-error\"\r\n"), csv);
    assertTrue(csv.contains("\r\n\"student-1\",15,15,10,5,\"graded\",\"\",\"Student 1_1001_assignsubmission_file_.zip\"\r\n"), csv);
    assertTrue(csv.contains("\r\n\"student-0\",5,15,5,0,\"graded\",\"\",\"Student 0 - 2026-11-20\"\r\n"), csv);
    assertTrue(Files.readString(out.resolve("thrower/grading.log")).contains("IllegalStateException: the engine fell over"));
    assertTrue(Files.readString(out.resolve("student-3/grading.log")).contains("fake grader: grading student-3"));
    assertEquals("student-3", ScorecardJson.read(out.resolve("student-3/scorecard.json")).submission().id());
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temp files left");
    }
  }

  @Test
  void theSameInputGivesByteEqualSummariesWhateverTheJobs() throws Exception {
    run(new FakeGrader(), BatchOptions.of(submissions, tmp.resolve("one"), 1));
    FakeGrader parallel = new FakeGrader(30);
    run(parallel, BatchOptions.of(submissions, tmp.resolve("four"), 4));

    assertTrue(parallel.maxInFlight.get() > 1, "jobs 4 graded in parallel: " + parallel.maxInFlight.get());
    assertTrue(parallel.maxInFlight.get() <= 4, "never more than 4 at once: " + parallel.maxInFlight.get());
    for (String file : List.of("summary.csv", "summary.json", "index.html", "batch.json")) {
      assertEquals(-1, Files.mismatch(tmp.resolve("one").resolve(file), tmp.resolve("four").resolve(file)), file);
    }
  }

  @Test
  void aRerunReusesCompleteResultsAndRegradesOnlyWhatIsMissingBrokenOrChanged() throws Exception {
    Path out = tmp.resolve("out");
    run(new FakeGrader(), BatchOptions.of(submissions, out, 2));
    byte[] firstCsv = Files.readAllBytes(out.resolve("summary.csv"));
    // A killed run leaves: a student without an entry, a half-written scorecard, a temp file.
    Files.delete(out.resolve("student-2/batch-entry.json"));
    Files.writeString(out.resolve("student-4/scorecard.json"), "{\"schema\": \"concurrency-gra");
    Files.writeString(out.resolve("student-5/.scorecard123.tmp"), "partial");
    Files.delete(out.resolve("summary.csv"));
    Files.writeString(submissions.resolve("Student 6 - 2026-11-20/src/A.java"), "class A { int changed; }");

    FakeGrader second = new FakeGrader();
    BatchResult result = run(second, BatchOptions.of(submissions, out, 2));

    assertEquals(Set.of("student-2", "student-4", "student-6", "thrower"), second.gradings.keySet(),
        "regraded: missing entry, corrupt scorecard, changed input, and the error row");
    assertEquals(4, result.gradedNow() - 2, "plus the two discovery errors, which cost nothing");
    assertEquals(-1, java.util.Arrays.mismatch(firstCsv, Files.readAllBytes(out.resolve("summary.csv"))));
  }

  @Test
  void aNewGraderFingerprintRegradesEveryone() throws Exception {
    Path out = tmp.resolve("out");
    runner(new FakeGrader(), "fp-1").run(BatchOptions.of(submissions, out, 2));
    FakeGrader second = new FakeGrader();
    runner(second, "fp-2").run(BatchOptions.of(submissions, out, 2));
    assertEquals(14, second.total());
  }

  @Test
  void forceRegradesEveryoneAndOnlyRegradesJustThose() throws Exception {
    Path out = tmp.resolve("out");
    run(new FakeGrader(), BatchOptions.of(submissions, out, 2));

    FakeGrader forced = new FakeGrader();
    run(forced, BatchOptions.of(submissions, out, 2).withForce(true));
    assertEquals(14, forced.total());

    FakeGrader only = new FakeGrader();
    BatchResult result = run(only, BatchOptions.of(submissions, out, 2).withOnly(Set.of("student-1", "Student 7")));
    assertEquals(Map.of("student-1", 1, "student-7", 1), Map.of("student-1", only.count("student-1"), "student-7", only.count("student-7")));
    assertEquals(2, only.total());
    assertEquals(16, result.summary().students().size(), "the summary still covers everyone");
  }

  @Test
  void onlyInAFreshFolderLeavesTheOthersPending() throws Exception {
    BatchResult result = run(new FakeGrader(), BatchOptions.of(submissions, tmp.resolve("out"), 1).withOnly(Set.of("student-1")));
    assertEquals(1, result.summary().count(StudentStatus.GRADED));
    assertEquals(15, result.summary().count(StudentStatus.PENDING));
    assertTrue(Files.readString(tmp.resolve("out/summary.csv")).contains("\r\n\"student-0\",,,,,\"pending\",\"not graded yet\","));
  }

  @Test
  void unknownOnlyIdsAreAUsageErrorNamingTheKnownOnes() {
    BatchInputException e = assertThrows(BatchInputException.class,
        () -> run(new FakeGrader(), BatchOptions.of(submissions, tmp.resolve("out"), 1).withOnly(Set.of("alice", "student-1"))));
    assertTrue(e.getMessage().contains("alice") && e.getMessage().contains("student-1"), e.getMessage());
  }

  @Test
  void outputInsideTheSubmissionsFolderIsRefused() {
    BatchInputException e = assertThrows(BatchInputException.class,
        () -> run(new FakeGrader(), BatchOptions.of(submissions, submissions.resolve("out"), 1)));
    assertTrue(e.getMessage().contains("inside the submissions folder"), e.getMessage());
  }

  @Test
  void shardsMergedEqualOneUnshardedRun() throws Exception {
    run(new FakeGrader(), BatchOptions.of(submissions, tmp.resolve("whole"), 2));
    List<Path> shards = new java.util.ArrayList<>();
    int total = 0;
    for (int i = 1; i <= 3; i++) {
      Path shardOut = tmp.resolve("shard-" + i);
      FakeGrader grader = new FakeGrader();
      BatchResult result = run(grader, BatchOptions.of(submissions, shardOut, 2).withShard(new ShardSpec(i, 3)));
      assertTrue(result.summary().students().size() >= 5 && result.summary().students().size() <= 6);
      total += result.summary().students().size();
      shards.add(shardOut);
    }
    assertEquals(16, total);
    // Merge out of order, one shard given twice.
    ShardMerger.MergeResult merged = new ShardMerger(ORDER).merge(
        List.of(shards.get(2), shards.get(0), shards.get(1), shards.get(0)), tmp.resolve("merged"));

    assertEquals(List.of(), merged.pending());
    for (String file : List.of("summary.csv", "summary.json", "index.html", "batch.json")) {
      assertEquals(-1, Files.mismatch(tmp.resolve("whole").resolve(file), tmp.resolve("merged").resolve(file)), file);
    }
    assertEquals(-1, Files.mismatch(tmp.resolve("whole/student-3/scorecard.json"), tmp.resolve("merged/student-3/scorecard.json")));
  }

  @Test
  void mergeRefusesMissingShardsAndForeignFolders() throws Exception {
    Path one = tmp.resolve("s1");
    Path two = tmp.resolve("s2");
    run(new FakeGrader(), BatchOptions.of(submissions, one, 1).withShard(new ShardSpec(1, 2)));
    BatchInputException missing = assertThrows(BatchInputException.class,
        () -> new ShardMerger(ORDER).merge(List.of(one), tmp.resolve("m")));
    assertTrue(missing.getMessage().contains("missing shard output(s) [2/2]"), missing.getMessage());

    folder(submissions, "latecomer", Map.of("verdicts.txt", FULL));
    run(new FakeGrader(), BatchOptions.of(submissions, two, 1).withShard(new ShardSpec(2, 2)));
    BatchInputException foreign = assertThrows(BatchInputException.class,
        () -> new ShardMerger(ORDER).merge(List.of(one, two), tmp.resolve("m")));
    assertTrue(foreign.getMessage().contains("different submissions folders (16 vs 17 students"), foreign.getMessage());

    BatchInputException notBatch = assertThrows(BatchInputException.class, () -> new ShardMerger(ORDER).merge(List.of(submissions), tmp.resolve("m")));
    assertTrue(notBatch.getMessage().contains("has no batch.json"), notBatch.getMessage());
  }

  @Test
  void anUnfinishedShardMergesWithPendingRows() throws Exception {
    Path one = tmp.resolve("s1");
    Path two = tmp.resolve("s2");
    run(new FakeGrader(), BatchOptions.of(submissions, one, 1).withShard(new ShardSpec(1, 2)));
    run(new FakeGrader(), BatchOptions.of(submissions, two, 1).withShard(new ShardSpec(2, 2)));
    Files.delete(two.resolve("student-10/batch-entry.json"));

    ShardMerger.MergeResult merged = new ShardMerger(ORDER).merge(List.of(one, two), tmp.resolve("m"));

    assertEquals(List.of("student-10"), merged.pending());
    assertFalse(Files.exists(tmp.resolve("m/student-10/batch-entry.json")));
    assertTrue(Files.readString(tmp.resolve("m/summary.csv")).contains("\r\n\"student-10\",,,,,\"pending\",\"not graded: shard 2/2"));
  }
}
