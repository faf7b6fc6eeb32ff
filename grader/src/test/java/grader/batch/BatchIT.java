package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GraderInfo;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades about 20 generated submissions of the {@code threads} exercise through {@code grader.jar batch},
 * as an instructor would: once with one job, and once in two shards with two jobs each (one of
 * them killed with SIGKILL half-way and resumed), merged. Every verdict must be the expected one,
 * and the merged summaries must equal the one-job summaries byte for byte.
 */
@Tag("slow") // make test-fast leaves it out; make test (CI) runs it
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchIT {
  private static final String EXERCISE = "threads";
  @TempDir static Path tmp;
  static Path install;
  static Path submissions;
  static Map<String, GeneratedSubmissions.Expected> expected;
  static Path oneJob;

  @BeforeAll
  static void prepare() throws Exception {
    // A private copy of the grader: a colleague's rebuild of grader/target must not change the jar under a running batch.
    Path home = Path.of(System.getProperty("grader.home", "target"));
    install = Files.createDirectories(tmp.resolve("install"));
    GeneratedSubmissions.copyTree(home.resolve("lib"), install.resolve("lib"));
    Files.copy(home.resolve("grader.jar"), install.resolve("grader.jar"));
    Files.copy(home.resolve("grader-agent.jar"), install.resolve("grader-agent.jar"));
    submissions = tmp.resolve("submissions");
    expected = new GeneratedSubmissions(Path.of(System.getProperty("grader.repo", "..")), submissions).generate();
    assertTrue(expected.size() >= 18, "at least 18 submissions: " + expected.size());
  }

  record Run(int exit, String output, long millis) {}

  private static Process start(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", install.resolve("grader.jar").toString()));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("output-" + System.nanoTime() + ".txt").toFile()).start();
  }

  private static Run run(String... arguments) throws Exception {
    Path log = tmp.resolve("output-" + System.nanoTime() + ".txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", install.resolve("grader.jar").toString()));
    command.addAll(List.of(arguments));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(20, TimeUnit.MINUTES)) {
      kill(process);
      throw new AssertionError("batch did not finish in 20 minutes: " + Files.readString(log));
    }
    Run run = new Run(process.exitValue(), Files.readString(log), (System.nanoTime() - start) / 1_000_000);
    System.out.println("$ grader " + String.join(" ", arguments) + "\n" + run.output());
    return run;
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Test
  @Order(1)
  void oneJobGradesEveryoneAsExpected() throws Exception {
    oneJob = tmp.resolve("one-job");
    Run run = run("batch", submissions.toString(), "--out", oneJob.toString(), "--jobs", "1", "--exercise", EXERCISE);
    assertEquals(0, run.exit(), run.output());
    record("jobs 1", run.millis(), expected.size());

    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, GeneratedSubmissions.Expected> e : expected.entrySet()) {
      String problem = check(oneJob, e.getKey(), e.getValue());
      if (problem != null) {
        wrong.add(e.getKey() + ": " + problem);
      }
    }
    assertEquals(List.of(), wrong, "verdicts that differ from the expected ones");
    try (Stream<Path> walk = Files.walk(tmp)) {
      assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().equals("escaped-by-zip-slip.txt")).toList());
    }
    String csv = Files.readString(oneJob.resolve("summary.csv"));
    assertTrue(csv.startsWith("\"student\",\"total\",\"max_score\",\"threads\",\"status\",\"message\",\"source\"\r\n"), csv);
    assertEquals(expected.size() + 1, csv.split("\r\n").length, csv);
  }

  /** Null if the student's result is what {@code expectation} says, else what differs. */
  private static String check(Path out, String id, GeneratedSubmissions.Expected expectation) throws IOException {
    Path dir = out.resolve(id);
    JsonNode entry = ScorecardJson.mapper().readTree(dir.resolve("batch-entry.json").toFile());
    if (expectation.kind().equals("error")) {
      return entry.get("status").asText().equals("error") ? null : "expected an error row, got " + entry;
    }
    if (!entry.get("status").asText().equals("graded")) {
      return "expected a scorecard, got " + entry;
    }
    Scorecard card = ScorecardJson.read(dir.resolve("scorecard.json"));
    GraderInfo info = card.grader();
    if (info.version().isBlank() || info.java().isBlank() || info.suiteHash().length() != 64 || info.limits().isEmpty()) {
      return "the scorecard does not say what graded it: " + info;
    }
    if (!Files.isRegularFile(dir.resolve("results.json")) || !Files.isRegularFile(dir.resolve("index.html"))) {
      return "results.json or index.html missing";
    }
    ExerciseResult threads = card.exercises().stream().filter(x -> x.id().equals(EXERCISE)).findFirst().orElseThrow();
    Set<String> failing = threads.tests().stream().filter(t -> t.status() != TestStatus.PASSED).map(TestResult::id)
        .collect(Collectors.toCollection(TreeSet::new));
    String seen = threads.status().id() + " " + threads.score() + "/" + threads.maxScore() + " failing " + failing;
    boolean ok = switch (expectation.kind()) {
      case "full" -> threads.status() == ExerciseStatus.GRADED && failing.isEmpty() && threads.maxScore().intValue() == 25;
      case "failing" -> threads.status() == ExerciseStatus.GRADED && failing.equals(new TreeSet<>(expectation.failing()));
      case "zero" -> threads.score().signum() == 0;
      case "compile_error" -> threads.status() == ExerciseStatus.COMPILE_ERROR;
      case "not_graded" -> threads.status() != ExerciseStatus.GRADED && threads.score().signum() == 0;
      case "graded" -> threads.status() == ExerciseStatus.GRADED;
      default -> false;
    };
    return ok ? null : "expected " + expectation + ", got " + seen;
  }

  @Test
  @Order(2)
  void twoShardsWithTwoJobsKilledResumedAndMergedEqualOneJob() throws Exception {
    Path shard1 = tmp.resolve("shard-1");
    Path shard2 = tmp.resolve("shard-2");
    Run first = run("batch", submissions.toString(), "--out", shard1.toString(), "--jobs", "2", "--shard", "1/2", "--exercise", EXERCISE);
    assertEquals(0, first.exit(), first.output());

    // Shard 2: killed with SIGKILL once three students are done, then run again.
    long start = System.nanoTime();
    Process doomed = start("batch", submissions.toString(), "--out", shard2.toString(), "--jobs", "2", "--shard", "2/2",
        "--exercise", EXERCISE);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (completed(shard2) < 3 && doomed.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertTrue(doomed.isAlive(), "the batch was still running when it was killed");
    kill(doomed);
    doomed.waitFor(30, TimeUnit.SECONDS);
    long killedAfter = System.nanoTime() - start;
    Set<String> doneBeforeKill = completedIds(shard2);
    assertTrue(doneBeforeKill.size() >= 3, doneBeforeKill.toString());
    assertFalse(Files.exists(shard2.resolve("summary.csv")), "killed before the summary");

    Run resumed = run("batch", submissions.toString(), "--out", shard2.toString(), "--jobs", "2", "--shard", "2/2", "--exercise", EXERCISE);
    assertEquals(0, resumed.exit(), resumed.output());
    Set<String> kept = resumed.output().lines().filter(l -> l.endsWith("up to date (kept)"))
        .map(l -> l.substring(l.indexOf("] ") + 2, l.indexOf(": "))).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(doneBeforeKill, kept, "the resumed run keeps exactly the students graded before the kill: " + resumed.output());
    record("jobs 2 (2 shards, one killed and resumed)", first.millis() + killedAfter / 1_000_000 + resumed.millis(), expected.size());

    Run merged = run("merge", shard1.toString(), shard2.toString(), "--out", tmp.resolve("merged").toString());
    assertEquals(0, merged.exit(), merged.output());

    assertEquals(statuses(oneJob), statuses(tmp.resolve("merged")), "per-test verdicts with 2 jobs equal those with 1 job");
    for (String file : List.of("summary.csv", "summary.json", "index.html")) {
      assertEquals(-1, Files.mismatch(oneJob.resolve(file), tmp.resolve("merged").resolve(file)),
          file + " of the merged shards equals the one-job run's");
    }
  }

  private static long completed(Path out) throws IOException {
    return completedIds(out).size();
  }

  /** Students with a complete graded result (error rows are retried by a rerun, so they do not count). */
  private static Set<String> completedIds(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return Set.of();
    }
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path dir : dirs.toList()) {
        Path entry = dir.resolve("batch-entry.json");
        try {
          if (Files.isRegularFile(entry) && ScorecardJson.mapper().readTree(entry.toFile()).path("status").asText().equals("graded")) {
            ids.add(dir.getFileName().toString());
          }
        } catch (IOException e) {
          // Being written right now: not complete yet.
        }
      }
    }
    return ids;
  }

  /** Student -> test id -> status, from every scorecard in a batch output. */
  private static Map<String, Map<String, String>> statuses(Path out) throws IOException {
    Map<String, Map<String, String>> all = new TreeMap<>();
    for (String id : expected.keySet()) {
      Path file = out.resolve(id).resolve("scorecard.json");
      Map<String, String> tests = new TreeMap<>();
      if (Files.exists(file)) {
        for (ExerciseResult e : ScorecardJson.read(file).exercises()) {
          e.tests().forEach(t -> tests.put(e.id() + "/" + t.id(), t.status().id()));
        }
      }
      all.put(id, tests);
    }
    return all;
  }

  private static void record(String what, long millis, int submissions) throws IOException {
    String line = String.format(java.util.Locale.ROOT, "%s: %d submissions in %.1f s = %.1f per minute (%d cores)%n", what,
        submissions, millis / 1000.0, submissions * 60_000.0 / millis, Runtime.getRuntime().availableProcessors());
    System.out.print("BatchIT throughput: " + line);
    Path file = Path.of(System.getProperty("grader.home", "target")).resolve("batch-throughput.txt");
    Files.writeString(file, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }
}
