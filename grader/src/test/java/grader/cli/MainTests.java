package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.grading.GradeRequest;
import grader.grading.GradingException;
import grader.grading.GradingListener;
import grader.rubric.ExerciseRubric;
import grader.rubric.TestPoints;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GraderInfo;
import grader.scorecard.Isolation;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import grader.scorecard.SubmissionInfo;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTests {
  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<GradeRequest> requests = new ArrayList<>();
  private final List<EngineOptions> engines = new ArrayList<>();
  private final Map<String, String> variables = new HashMap<>();
  private boolean terminal;
  private BigDecimal score = new BigDecimal("20");
  private Exception failure;

  @BeforeEach
  void submission() throws IOException {
    Files.createDirectories(temp.resolve("exercises/src/main/java"));
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertEquals(Main.USAGE, run());
    assertTrue(err.toString().startsWith("grader: missing a command\n\nUsage: java -jar grader.jar <command>"), err.toString());
  }

  @Test
  void helpListsEveryCommandOnStandardOutput() {
    assertEquals(Main.OK, run("--help"));
    assertTrue(out.toString().contains("  check    grade your exercises/ folder"), out.toString());
    assertTrue(out.toString().contains("  grade    grade one submission"), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void eachCommandHasItsOwnHelp() {
    assertEquals(Main.OK, run("grade", "--help"));
    assertTrue(out.toString().startsWith("Usage: java -jar grader.jar grade <submission> --out <scorecard.json>"));
    assertEquals(Main.OK, run("help", "check"));
    assertTrue(out.toString().contains("Usage: java -jar grader.jar check"));
    assertTrue(requests.isEmpty());
  }

  @Test
  void versionNamesTheGraderAndTheJava() {
    assertEquals(Main.OK, run("--version"));
    assertTrue(out.toString().matches("concurrency-grader \\S+ \\(Java \\S+\\)\n"), out.toString());
  }

  @Test
  void unknownCommandsAndFlagsAreErrorsNeverIgnored() {
    assertEquals(Main.USAGE, run("grdae"));
    assertTrue(err.toString().startsWith("grader: unknown command grdae\n"));
    assertEquals(Main.USAGE, run("--frobnicate"));
    assertTrue(err.toString().contains("grader: unknown option --frobnicate\n"));
    assertEquals(Main.USAGE, run("grade", "exercises", "--out", "s.json", "--quiet"));
    assertTrue(err.toString().contains("grader: unknown option --quiet\n\nUsage: java -jar grader.jar grade"), err.toString());
    assertTrue(requests.isEmpty(), "nothing is graded after a usage error");
  }

  @Test
  void missingOrMalformedValuesAreUsageErrors() {
    assertUsage("missing --out <scorecard.json>: where to write the scorecard", "grade", "exercises");
    assertUsage("missing the submission to grade (a folder or a .zip)", "grade", "--out", "s.json");
    assertUsage("--out needs a value", "grade", "exercises", "--out");
    assertUsage("--out needs a value", "grade", "exercises", "--out", "--exercise", "threads");
    assertUsage("--require-sandbox takes no value", "grade", "exercises", "--out", "s.json", "--require-sandbox=yes");
    assertUsage("one submission at a time: got exercises and other (to grade many, use batch)",
        "grade", "exercises", "other", "--out", "s.json");
    assertUsage("unknown exercise nope (known: threads, processes)", "grade", "exercises", "--out", "s.json",
        "--exercise", "nope");
    assertUsage("check takes no submission (it grades --dir, default exercises/): got solutions", "check", "solutions");
  }

  @Test
  void gradeWritesTheScorecardAndEveryExportAndExitsZeroWhateverTheScore() throws Exception {
    int status = run("grade", "exercises", "--out", "out/scorecard.json", "--exercise", "threads", "--junit-xml=out/junit.xml",
        "--markdown", "out/summary.md", "--gradescope", "out/results.json", "--require-sandbox", "--id", "alice");

    assertEquals(Main.OK, status, err.toString());
    assertEquals(List.of(new GradeRequest(temp.resolve("exercises"), "alice", Set.of("threads"))), requests);
    assertEquals(List.of(new EngineOptions(true, false, true)), engines);
    Scorecard written = ScorecardJson.read(temp.resolve("out/scorecard.json"));
    assertEquals(0, written.score().compareTo(score));
    assertTrue(Files.readString(temp.resolve("out/junit.xml")).startsWith("<?xml"));
    assertTrue(Files.readString(temp.resolve("out/summary.md")).startsWith("## Grade: 20 / 25"));
    assertTrue(Files.readString(temp.resolve("out/results.json")).contains("\"score\" : 20"));
    assertTrue(out.toString().contains("\nTotal: 20 / 25\n"), out.toString());
    assertFalse(out.toString().contains("\u001b["), "no colour when not on a terminal");
  }

  @Test
  void gradeAndCheckRecordWhatGradedItOnlyWhenTold() throws Exception {
    String sha = "ab".repeat(32);
    assertEquals(Main.OK, run("grade", "exercises", "--out", "told.json", "--bundle-sha256", sha.toUpperCase(),
        "--commit", "0123abc", "--workflow-run", "https://ci.example/runs/7"), err.toString());
    Scorecard told = ScorecardJson.read(temp.resolve("told.json"));
    assertEquals(new grader.scorecard.GradedBy(Main.version(), sha, "0123abc", "https://ci.example/runs/7"),
        told.gradedBy());
    assertEquals(Main.OK, run("check", "--bundle-sha256", sha));
    assertEquals(sha, ScorecardJson.read(temp.resolve("target/scorecard.json")).gradedBy().bundleSha256());

    assertEquals(Main.OK, run("grade", "exercises", "--out", "untold.json"));
    assertFalse(Files.readString(temp.resolve("untold.json")).contains("graded_by"), "left out when unknown");
    assertUsage("bundle sha256 must be 64 hexadecimal digits, was \"abc\"", "grade", "exercises", "--out", "s.json",
        "--bundle-sha256", "abc");
    assertUsage("commit must be a git commit id (7 to 64 hexadecimal digits), was \"main\"", "check", "--commit", "main");
  }

  @Test
  void theSubmissionIdDefaultsToTheFolderOrZipName() {
    assertEquals(Main.OK, run("grade", "exercises", "--out", "s.json"));
    assertEquals(Main.OK, run("grade", "subs/Bob.ZIP", "--out", "s.json"));

    assertEquals(List.of("exercises", "Bob"), requests.stream().map(GradeRequest::submissionId).toList());
  }

  @Test
  void requireFullMarksExitsThreeBelowFullMarks() {
    assertEquals(Main.BELOW_FULL_MARKS, run("grade", "exercises", "--out", "s.json", "--require-full-marks"));
    assertTrue(err.toString().contains("grader: exercises scored 20 of 25 (--require-full-marks)"), err.toString());

    score = new BigDecimal("25");
    assertEquals(Main.OK, run("grade", "exercises", "--out", "s.json", "--require-full-marks"));
  }

  @Test
  void anEngineFailureIsExitOneWithTheMessage() {
    failure = new GradingException("cannot create a work directory in /nope", null);

    assertEquals(Main.INTERNAL_ERROR, run("grade", "exercises", "--out", "s.json"));
    assertEquals("grader: cannot create a work directory in /nope\n(set GRADER_DEBUG=1 for the stack trace)\n",
        err.toString());
    assertFalse(Files.exists(temp.resolve("s.json")));
  }

  @Test
  void aBugIsExitOneAndDebugShowsTheStackTrace() {
    failure = new IllegalStateException("boom");
    variables.put("GRADER_DEBUG", "1");

    assertEquals(Main.INTERNAL_ERROR, run("grade", "exercises", "--out", "s.json"));
    assertTrue(err.toString().startsWith("grader: internal error: boom (IllegalStateException)\n"
        + "java.lang.IllegalStateException: boom\n"), err.toString());
  }

  @Test
  void checkGradesExercisesIntoTargetScorecard() throws Exception {
    assertEquals(Main.OK, run("check", "--exercise", "processes"));

    assertEquals(List.of(new GradeRequest(temp.resolve("exercises"), "exercises", Set.of("processes"))), requests);
    assertEquals(List.of(new EngineOptions(false, false, false)), engines);
    assertTrue(Files.isRegularFile(temp.resolve("target/scorecard.json")));
    assertTrue(out.toString().startsWith("Grading threads · Sleepy threads ...\n\nSubmission exercises"), out.toString());
    assertTrue(out.toString().endsWith("Total: 20 / 25\nScorecard: target/scorecard.json\n"
        + "Report with timelines: target/report.html\n"), out.toString());
    assertTrue(Files.readString(temp.resolve("target/report.html")).startsWith("<!DOCTYPE html>"));
    assertFalse(out.toString().contains("\r"), "no status line to redraw when not on a terminal");
  }

  @Test
  void checkAnEmptyExerciseMeansAll() {
    assertEquals(Main.OK, run("check", "--exercise", ""));
    assertEquals(Set.of(), requests.get(0).exercises());
  }

  @Test
  void checkWithoutTheFolderSaysWhere() {
    assertUsage("no folder " + temp.resolve("elsewhere") + " to grade: run check in the repository's root or pass --dir",
        "check", "--dir", "elsewhere");
  }

  @Test
  void onATerminalCheckShowsLiveProgressAndColourThenClearsIt() {
    terminal = true;

    assertEquals(Main.OK, run("check"));

    String shown = out.toString();
    assertTrue(shown.contains("\r\u001b[2KGrading threads · Sleepy threads [1/1] "), shown);
    int cleared = shown.lastIndexOf("\r\u001b[2K");
    assertTrue(shown.substring(cleared).startsWith("\r\u001b[2K\u001b[1mSubmission exercises"), shown);
    assertTrue(shown.contains("\u001b[32m✔\u001b[0m"), "colour on a terminal");
  }

  @Test
  void noColourHonoursNoColor() {
    terminal = true;
    variables.put("NO_COLOR", "1");

    assertEquals(Main.OK, run("check"));

    assertFalse(out.toString().replace("\r\u001b[2K", "").contains("\u001b["), out.toString());
  }

  @Test
  void exerciseTakesACommaSeparatedListTheSameWayInCheckGradeAndBatch() throws IOException {
    Files.createDirectories(temp.resolve("subs/alice/src/main/java/exercises/threads"));
    Files.writeString(temp.resolve("subs/alice/src/main/java/exercises/threads/SleepyThreads.java"), "class X {}");
    assertEquals(Main.OK, run("check", "--exercise", "threads,processes"));
    assertEquals(Main.OK, run("grade", "exercises", "--out", "s.json", "--exercise=threads,processes"));
    assertEquals(Main.OK, run("batch", "subs", "--out", "grades", "--exercise", "threads", "--exercise", "processes"));
    assertEquals(List.of(Set.of("threads", "processes"), Set.of("threads", "processes"), Set.of("threads", "processes")),
        requests.stream().map(GradeRequest::exercises).toList());
    assertUsage("unknown exercise nope (known: threads, processes)", "batch", "subs", "--out", "grades",
        "--exercise", "threads,nope");
  }

  @Test
  void helpListsTheExercisesOfTheRubricIndex() throws Exception {
    String ids = String.join(", ", grader.rubric.RubricLoader.ofGrader().load().exerciseIds());
    for (String command : List.of("check", "grade", "batch")) {
      assertEquals(Main.OK, run(command, "--help"));
      assertTrue(out.toString().contains("\nExercises: " + ids + "\n"), out.toString());
    }
    assertEquals(Main.OK, run("--help"));
    assertTrue(out.toString().contains("(" + ids + ")"), out.toString());
  }

  @Test
  void limitsFileReachesTheEngineInCheckGradeAndBatch() throws IOException {
    Files.createDirectories(temp.resolve("subs/alice/src/main/java/exercises/threads"));
    Files.writeString(temp.resolve("subs/alice/src/main/java/exercises/threads/SleepyThreads.java"), "class X {}");
    Files.writeString(temp.resolve("limits.json"), "{\"wall_clock_seconds\": 300, \"exercises\": {\"threads\": {\"heap_megabytes\": 512}}}");
    assertEquals(Main.OK, run("check", "--limits", "limits.json"), err.toString());
    assertEquals(Main.OK, run("grade", "exercises", "--out", "s.json", "--limits=limits.json"), err.toString());
    assertEquals(Main.OK, run("batch", "subs", "--out", "grades", "--limits", "limits.json"), err.toString());
    assertEquals(3, engines.size());
    for (EngineOptions engine : engines) {
      assertEquals(300, engine.limits().defaults().wallClock().toSeconds());
      assertEquals(512, engine.limits().limitsFor("threads").heapMegabytes());
      assertEquals(256, engine.limits().limitsFor("processes").heapMegabytes());
    }
    assertEquals(Main.OK, run("grade", "exercises", "--out", "s.json"));
    assertEquals(grader.sandbox.SandboxPolicy.standard(), engines.get(3).limits(), "the defaults without --limits");
  }

  @Test
  void batchRegradesWhenTheLimitsChange() {
    // The engine's info carries every limit (GraderFacts), so a changed limits file changes the fingerprint.
    Grading standard = gradingWithLimits(Map.of("wall_clock_s", "180"));
    Grading longer = gradingWithLimits(Map.of("wall_clock_s", "300"));
    assertEquals(BatchCommand.fingerprint(standard, Set.of()), BatchCommand.fingerprint(gradingWithLimits(
        Map.of("wall_clock_s", "180")), Set.of()));
    assertFalse(BatchCommand.fingerprint(standard, Set.of()).equals(BatchCommand.fingerprint(longer, Set.of())));
  }

  private static Grading gradingWithLimits(Map<String, String> limits) {
    return new Grading() {
      @Override
      public List<String> exerciseIds() {
        return List.of("threads");
      }

      @Override
      public Scorecard grade(GradeRequest request) {
        throw new AssertionError("not graded");
      }

      @Override
      public java.util.Optional<GraderInfo> info() {
        return java.util.Optional.of(new GraderInfo("1", "17", "hash", limits));
      }
    };
  }

  @Test
  void brokenLimitsFileIsAUsageErrorBeforeAnyGrading() throws IOException {
    Files.writeString(temp.resolve("typo.json"), "{\"wall_clock_secs\": 300}");
    Files.writeString(temp.resolve("other.json"), "{\"exercises\": {\"thread\": {\"wall_clock_seconds\": 300}}}");
    err.getBuffer().setLength(0);
    assertEquals(Main.USAGE, run("grade", "exercises", "--out", "s.json", "--limits", "typo.json"));
    assertTrue(err.toString().startsWith("grader: ") && err.toString().contains("wall_clock_secs"), err.toString());
    assertUsage("--limits: \"exercises\" names thread, which is no exercise (known: threads, processes)",
        "check", "--limits", "other.json");
    assertUsage("--limits needs a value", "check", "--limits=");
    assertTrue(requests.isEmpty(), "nothing is graded after a usage error");
  }

  private void assertUsage(String message, String... args) {
    err.getBuffer().setLength(0);
    assertEquals(Main.USAGE, run(args), err.toString());
    assertTrue(err.toString().startsWith("grader: " + message + "\n\nUsage: "), err.toString());
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    CliEnvironment environment = new CliEnvironment(variables, terminal, temp);
    return new Main(new PrintWriter(out), new PrintWriter(err), environment, this::fakeEngine).run(args);
  }

  private Grading fakeEngine(EngineOptions options, GradingListener listener, PrintWriter warnings) {
    engines.add(options);
    return new Grading() {
      @Override
      public List<String> exerciseIds() {
        return List.of("threads", "processes");
      }

      @Override
      public Scorecard grade(GradeRequest request) throws GradingException {
        requests.add(request);
        if (failure instanceof GradingException) {
          throw (GradingException) failure;
        }
        if (failure != null) {
          throw (RuntimeException) failure;
        }
        ExerciseRubric rubric = new ExerciseRubric("threads", "Sleepy threads", "grader.suites.threads",
            List.of("exercises.threads.SleepyThreads"), List.of(new TestPoints("overlap", score, false)));
        listener.exerciseStarted(request.submissionId(), rubric);
        listener.testStarted(request.submissionId(), "threads", "overlap", "sleeps overlap");
        TestResult test = new TestResult("overlap", "sleeps overlap", TestStatus.PASSED, score, score, null, 10,
            Map.of(), "", false);
        listener.testFinished(request.submissionId(), "threads", test);
        ExerciseResult threads = new ExerciseResult("threads", "Sleepy threads", score, new BigDecimal("25"),
            ExerciseStatus.GRADED, null, List.of(), List.of(test));
        listener.exerciseFinished(request.submissionId(), threads);
        return Scorecard.of(new GraderInfo("test", "17", "hash", Map.of()), new SubmissionInfo(request.submissionId(), "ab"),
            Isolation.BUBBLEWRAP, 1234, List.of(threads), List.of());
      }
    };
  }
}
