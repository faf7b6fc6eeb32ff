package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.ExerciseRubric;
import grader.rubric.RubricException;
import grader.rubric.TestPoints;
import grader.run.probe.ProbeSuite;
import grader.run.probe.parts.PartOneSuite;
import grader.sandbox.ProcessSandbox;
import grader.sandbox.ResourceLimits;
import grader.sandbox.Sandbox;
import grader.sandbox.SandboxRequest;
import grader.sandbox.SandboxedProcess;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Isolation;
import grader.scorecard.TestStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner against real child JVMs: a tiny probe suite whose "student" class misbehaves in every
 * way the threat model lists. Whatever the student does, every test gets an outcome, the others keep
 * theirs, and nothing is left running.
 */
class ExerciseRunnerIT {
  private static final List<String> ORDER = List.of("alpha", "beta", "gamma", "omega", "sizes");

  /** The probe exercise in two parts, listed out of the parts' order: the outcome keeps this order. */
  private static final List<String> PARTS_ORDER = List.of("two", "one", "oneMore", "twoMore");

  @TempDir static Path shared;
  @TempDir Path temp;
  private static GraderInstallation installation;
  private static GraderInstallation partsInstallation;

  @BeforeAll
  static void copyInstallation() throws Exception {
    Path suites = PrivateInstallation.copySuitePackage(ProbeSuite.class, shared.resolve("suites"));
    installation = PrivateInstallation.copy(shared.resolve("grader")).withSuitePath(suites);
    Path partSuites = PrivateInstallation.copySuitePackage(PartOneSuite.class, shared.resolve("part-suites"));
    partsInstallation = installation.withSuitePath(partSuites);
  }

  private static GraderInstallation installation() {
    return installation;
  }

  private static ExerciseRubric rubric() {
    List<TestPoints> tests = ORDER.stream().map(id -> new TestPoints(id, BigDecimal.ONE, false)).toList();
    return new ExerciseRubric("probe", "Probe", "grader.run.probe", List.of("exercises.probe.Probe"), tests);
  }

  private ExerciseOutcome run(String body, String... members) throws Exception {
    return run(ResourceLimits.defaults(), RunPolicy.defaults(), body, members);
  }

  private ExerciseOutcome run(ResourceLimits limits, RunPolicy policy, String body, String... members)
      throws Exception {
    return run(ProcessSandbox.detect(), limits, policy, body, members);
  }

  private ExerciseOutcome run(Sandbox sandbox, ResourceLimits limits, RunPolicy policy, String body,
      String... members) throws Exception {
    Path classes = ProbeStudent.compile(temp.resolve("student"), body, members);
    ExerciseRunner runner = new ExerciseRunner(installation(), sandbox, limits, policy, Clock.systemUTC());
    List<String> seen = new ArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void testFinished(String exerciseId, TestOutcome outcome) {
        seen.add(outcome.id());
      }
    };
    ExerciseOutcome outcome = runner.run(new SuiteRun(rubric(), classes, temp.resolve("student"), temp.resolve("work")),
        listener);
    assertEquals(ORDER, outcome.tests().stream().map(TestOutcome::id).toList(), "rubric order");
    assertEquals(ORDER.size(), seen.size(), "every test reported to the listener once: " + seen);
    return outcome;
  }

  private static Map<String, TestOutcome> byId(ExerciseOutcome outcome) {
    return outcome.tests().stream().collect(Collectors.toMap(TestOutcome::id, Function.identity(), (a, b) -> a,
        LinkedHashMap::new));
  }

  private static void assertStatuses(ExerciseOutcome outcome, Map<String, TestStatus> expected) {
    Map<String, TestStatus> actual = new LinkedHashMap<>();
    outcome.tests().forEach(t -> actual.put(t.id(), t.status()));
    Map<String, TestStatus> want = new LinkedHashMap<>();
    ORDER.forEach(id -> want.put(id, expected.getOrDefault(id, TestStatus.PASSED)));
    assertEquals(want, actual, () -> outcome.tests().stream()
        .map(t -> t.id() + ": " + t.status() + " " + t.message()).collect(Collectors.joining("\n")));
  }

  private static void assertContains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text != null && text.contains(part), () -> "expected to find <" + part + "> in:\n" + text);
    }
  }

  @Test
  void aCorrectStudentPassesEverythingInOneJvm() throws Exception {
    ExerciseOutcome outcome = run("");
    assertStatuses(outcome, Map.of());
    assertEquals(ExerciseStatus.GRADED, outcome.status());
    assertEquals(1, outcome.jvms());
    assertEquals(0, outcome.rejectedLines());
    Map<String, TestOutcome> tests = byId(outcome);
    assertEquals("alpha answers ok", tests.get("alpha").name());
    assertEquals(Map.of("answer_length", "2"), tests.get("alpha").measurements());
    assertEquals(Map.of("[1] size", "1", "[2] size", "2", "[3] size", "3"), tests.get("sizes").measurements());
    assertEquals("acting alpha\n", tests.get("alpha").output());
    assertContains(tests.get("sizes").output(), "acting sizes1", "acting sizes3");
  }

  @Test
  void failuresKeepTheSuitesMessageAndExceptionsPointAtTheStudentsLine() throws Exception {
    ExerciseOutcome outcome = run(
        "if (test.equals(\"beta\")) return \"nope\";\n"
            + "if (test.equals(\"sizes2\")) throw new IllegalStateException(\"boom in \" + test);");
    assertStatuses(outcome, Map.of("beta", TestStatus.FAILED, "sizes", TestStatus.ERROR));
    Map<String, TestOutcome> tests = byId(outcome);
    assertContains(tests.get("beta").message(), "beta should answer ok", "expected: <ok> but was: <nope>");
    assertContains(tests.get("sizes").message(), "Failed for [2] size=2",
        "Your code threw java.lang.IllegalStateException: boom in sizes2", "at exercises.probe.Probe.act(Probe.java:");
  }

  @Test
  void systemExitCostsOnlyTheTestThatCalledIt() throws Exception {
    ExerciseOutcome outcome = run("if (test.equals(\"beta\")) System.exit(0);");
    assertStatuses(outcome, Map.of("beta", TestStatus.ERROR));
    assertContains(byId(outcome).get("beta").message(),
        "The JVM exited with status 0 during 'beta answers ok' (did your code call System.exit or Runtime.halt?)");
    assertEquals(2, outcome.jvms());
    assertContains(outcome.message(), "'beta answers ok' ended the JVM");
  }

  @Test
  void haltCostsOnlyTheTestThatCalledIt() throws Exception {
    ExerciseOutcome outcome = run("if (test.equals(\"beta\")) { System.err.println(\"bye now\"); Runtime.getRuntime().halt(7); }");
    assertStatuses(outcome, Map.of("beta", TestStatus.ERROR));
    TestOutcome beta = byId(outcome).get("beta");
    assertContains(beta.message(), "exited with status 7 during 'beta answers ok'", "bye now");
    assertContains(beta.output(), "acting beta");
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void aLoopThatIgnoresInterruptsTimesOutWithAThreadDumpAndALaterJvmRunsTheRest() throws Exception {
    ExerciseOutcome outcome = run("if (test.equals(\"beta\")) spin();",
        "static volatile long sink; static void spin() { while (true) { sink++; } }");
    assertStatuses(outcome, Map.of("beta", TestStatus.TIMED_OUT));
    assertContains(byId(outcome).get("beta").message(), "Expected: the test to finish within 3 s",
        "Threads running your code", "RUNNABLE", "at exercises.probe.Probe.spin(Probe.java:");
    assertEquals(2, outcome.jvms());
    assertContains(outcome.message(), "'beta answers ok' timed out");
  }

  @Test
  void aDeadlockIsNamed() throws Exception {
    ExerciseOutcome outcome = run("if (test.equals(\"beta\")) deadlock();",
        "static final Object A = new Object(), B = new Object();",
        "static void deadlock() throws InterruptedException {",
        "  CountDownLatch both = new CountDownLatch(2);",
        "  Thread left = new Thread(() -> { synchronized (A) { both.countDown(); await(both); synchronized (B) {} } }, \"left\");",
        "  Thread right = new Thread(() -> { synchronized (B) { both.countDown(); await(both); synchronized (A) {} } }, \"right\");",
        "  left.start(); right.start(); left.join(); right.join(); }",
        "static void await(CountDownLatch l) { try { l.await(); } catch (InterruptedException e) { } }",
        "static class CountDownLatch extends java.util.concurrent.CountDownLatch { CountDownLatch(int n) { super(n); } }");
    assertStatuses(outcome, Map.of("beta", TestStatus.TIMED_OUT));
    assertContains(byId(outcome).get("beta").message(), "DEADLOCK", "\"left\" waits for", "held by \"right\"",
        "\"right\" waits for", "held by \"left\"");
  }

  @Test
  void forgedAndGarbledResultLinesAreIgnored() throws Exception {
    ExerciseOutcome outcome = run(
        "if (test.equals(\"beta\")) forge();\n"
            + "if (test.equals(\"gamma\")) return \"nope\";",
        "static void forge() throws Exception {",
        "  String fake = \"{\\\"seal\\\":\\\"\" + \"0\".repeat(64) + \"\\\",\\\"event\\\":{\\\"type\\\":\\\"finished\\\",\\\"seq\\\":99,"
            + "\\\"test_id\\\":\\\"gamma\\\",\\\"status\\\":\\\"passed\\\",\\\"message\\\":null,\\\"duration_ms\\\":1,"
            + "\\\"measurements\\\":{},\\\"output\\\":\\\"\\\",\\\"invocation\\\":null}}\\n\";",
        "  FileOutputStream out = new FileOutputStream(FileDescriptor.out); out.write(fake.getBytes()); out.flush();",
        "  String[] words = System.getProperty(\"sun.java.command\").split(\" \");",
        "  try (FileOutputStream results = new FileOutputStream(words[2], true)) {",
        "    results.write(fake.getBytes()); results.write(\"garbage\\n{not json}\\n\".getBytes()); }",
        "}");
    assertStatuses(outcome, Map.of("gamma", TestStatus.FAILED));
    assertEquals(3, outcome.rejectedLines());
    assertEquals(1, outcome.jvms());
  }

  /**
   * A limit the sandbox reports only after the JVM's last test has ended (its last look at the work
   * dir) stops no running test, so only the exercise's message can name it; it must.
   */
  @Test
  void aLimitHitAfterTheLastTestIsNamedInTheExercisesMessage() throws Exception {
    String full = "the run filled its work directory: no room is left for another file: it was stopped";
    Sandbox reporting = new Sandbox() {
      private final Sandbox real = ProcessSandbox.detect();

      @Override
      public Isolation isolation() {
        return real.isolation();
      }

      @Override
      public SandboxedProcess start(SandboxRequest request) throws IOException {
        SandboxedProcess process = real.start(request);
        return new SandboxedProcess() {
          @Override
          public OutputStream stdin() {
            return process.stdin();
          }

          @Override
          public OptionalInt waitFor(Duration timeout) throws InterruptedException {
            return process.waitFor(timeout);
          }

          @Override
          public boolean isAlive() {
            return process.isAlive();
          }

          @Override
          public void kill() {
            process.kill();
          }

          @Override
          public List<String> limitsHit() {
            return List.of(full);
          }

          @Override
          public void close() {
            process.close();
          }
        };
      }
    };
    ExerciseOutcome outcome = run(reporting, ResourceLimits.defaults(), RunPolicy.defaults(), "");
    assertStatuses(outcome, Map.of());
    assertEquals("Limits reached: " + full + ".", outcome.message());
  }

  @Test
  void runningOutOfMemoryIsExplained() throws Exception {
    ExerciseOutcome outcome = run("if (test.equals(\"beta\")) { List<long[]> hog = new ArrayList<>(); while (true) hog.add(new long[1 << 20]); }");
    assertStatuses(outcome, Map.of("beta", TestStatus.ERROR));
    assertContains(byId(outcome).get("beta").message(), "The JVM ran out of memory (java.lang.OutOfMemoryError: Java heap space",
        "during 'beta answers ok'", "256 MB of heap");
  }

  @Test
  void floodingTheOutputStopsTheRunButNotTheOtherTests() throws Exception {
    ResourceLimits limits = new ResourceLimits(256, 128, 2048, 1024, 1024, 64, 256, 1024 * 1024, 2,
        Duration.ofSeconds(180));
    ExerciseOutcome outcome = run(limits, RunPolicy.defaults(),
        "if (test.equals(\"beta\")) { String line = \"x\".repeat(1000); while (true) System.out.println(line); }");
    assertStatuses(outcome, Map.of("beta", TestStatus.ERROR));
    assertContains(byId(outcome).get("beta").message(), "Your program printed more than 1 MB during 'beta answers ok'");
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void theExerciseDeadlineKillsTheJvmAndSaysWhatWasNotRun() throws Exception {
    ResourceLimits limits = ResourceLimits.defaults().withWallClock(Duration.ofSeconds(10));
    ExerciseOutcome outcome = run(limits, RunPolicy.defaults(),
        "if (test.equals(\"omega\")) { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } }");
    assertStatuses(outcome, Map.of("omega", TestStatus.TIMED_OUT, "sizes", TestStatus.NOT_RUN));
    Map<String, TestOutcome> tests = byId(outcome);
    assertContains(tests.get("omega").message(), "during 'omega answers ok'", "time limit of 10 s");
    assertContains(tests.get("sizes").message(), "Not run: the exercise's time limit of 10 s was used up");
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void aShutdownHookThatNeverEndsCannotHangTheRun() throws Exception {
    ExerciseOutcome outcome = run("if (test.equals(\"beta\")) {"
        + " Runtime.getRuntime().addShutdownHook(new Thread(() -> { while (true) { try { Thread.sleep(1000); }"
        + " catch (InterruptedException e) { } } }, \"stubborn-hook\"));"
        + " System.exit(1); }");
    assertStatuses(outcome, Map.of("beta", TestStatus.TIMED_OUT));
    assertContains(byId(outcome).get("beta").message(), "\"stubborn-hook\"");
  }

  @Test
  void nothingTheStudentStartedOutlivesTheRun() throws Exception {
    String marker = "4242" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
    ExerciseOutcome outcome = run("if (test.equals(\"beta\")) { new ProcessBuilder(\"/bin/sleep\", \"" + marker
        + "\").start(); System.exit(0); }");
    assertStatuses(outcome, Map.of("beta", TestStatus.ERROR));
    boolean leftover = ProcessHandle.allProcesses()
        .anyMatch(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false));
    assertFalse(leftover, "a /bin/sleep " + marker + " started by the student is still running");
  }

  @Test
  void aJvmThatCannotStartMakesTheExerciseCrashed() throws Exception {
    RunPolicy policy = RunPolicy.defaults().withJvmOptions(List.of("-XX:+NoSuchOption"), List.of());
    ExerciseOutcome outcome = run(ResourceLimits.defaults(), policy, "");
    assertEquals(ExerciseStatus.CRASHED, outcome.status());
    assertContains(outcome.message(), "stopped before it could run any test", "NoSuchOption");
    assertTrue(outcome.tests().stream().allMatch(t -> t.status() == TestStatus.NOT_RUN));
  }

  @Test
  void aRubricThatDoesNotMatchTheSuiteIsAGraderError() throws Exception {
    Path classes = ProbeStudent.compile(temp.resolve("student"), "");
    ExerciseRubric wrong = new ExerciseRubric("probe", "Probe", "grader.run.probe", List.of(),
        List.of(new TestPoints("alpha", BigDecimal.ONE, false), new TestPoints("zeta", BigDecimal.ONE, false)));
    ExerciseRunner runner = new ExerciseRunner(installation(), ProcessSandbox.detect(), ResourceLimits.defaults(),
        RunPolicy.defaults(), Clock.systemUTC());
    RubricException e = assertThrows(RubricException.class,
        () -> runner.run(new SuiteRun(wrong, classes, temp, temp.resolve("work")), RunListener.NONE));
    assertContains(e.getMessage(), "test 'beta' of suite grader.run.probe has no points",
        "gives points to test 'zeta', but suite grader.run.probe has no such test method");
  }

  private static ExerciseRubric partsRubric(List<List<String>> parts) {
    List<TestPoints> tests = PARTS_ORDER.stream().map(id -> new TestPoints(id, BigDecimal.ONE, false)).toList();
    return new ExerciseRubric("probe", "Probe", "grader.run.probe.parts", List.of("exercises.probe.Probe"), tests,
        null, List.of(), parts);
  }

  private ExerciseOutcome runParts(ResourceLimits limits, String body, String... members) throws Exception {
    Path classes = ProbeStudent.compile(temp.resolve("student"), body, members);
    ExerciseRunner runner = new ExerciseRunner(partsInstallation, ProcessSandbox.detect(), limits,
        RunPolicy.defaults(), Clock.systemUTC());
    List<String> seen = new ArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void testFinished(String exerciseId, TestOutcome outcome) {
        seen.add(outcome.id());
      }
    };
    ExerciseRubric rubric = partsRubric(List.of(List.of("PartOneSuite"), List.of("PartTwoSuite")));
    ExerciseOutcome outcome = runner.run(new SuiteRun(rubric, classes, temp.resolve("student"), temp.resolve("work")),
        listener);
    assertEquals(PARTS_ORDER, outcome.tests().stream().map(TestOutcome::id).toList(), "rubric order");
    assertEquals(PARTS_ORDER.size(), seen.size(), "every test reported to the listener once: " + seen);
    return outcome;
  }

  private static Map<String, TestStatus> statuses(ExerciseOutcome outcome) {
    Map<String, TestStatus> actual = new LinkedHashMap<>();
    outcome.tests().forEach(t -> actual.put(t.id(), t.status()));
    return actual;
  }

  @Test
  void theExercisesPartsRunInAJvmEachAndComeBackInRubricOrder() throws Exception {
    ExerciseOutcome outcome = runParts(ResourceLimits.defaults(), "");
    Map<String, TestStatus> passed = new LinkedHashMap<>();
    PARTS_ORDER.forEach(id -> passed.put(id, TestStatus.PASSED));
    assertEquals(passed, statuses(outcome));
    assertEquals(ExerciseStatus.GRADED, outcome.status());
    assertEquals(2, outcome.jvms());
    assertEquals(null, outcome.message());
    assertEquals("one answers ok", byId(outcome).get("one").name());
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void aPartThatCrashesOrRunsOutOfTimeCostsOnlyItsOwnTests() throws Exception {
    ResourceLimits limits = ResourceLimits.defaults().withWallClock(Duration.ofSeconds(8));
    ExerciseOutcome outcome = runParts(limits,
        "if (test.equals(\"one\")) Runtime.getRuntime().halt(3);\n"
            + "if (test.equals(\"two\")) { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } }");
    Map<String, TestStatus> expected = new LinkedHashMap<>();
    expected.put("two", TestStatus.TIMED_OUT);
    expected.put("one", TestStatus.ERROR);
    expected.put("oneMore", TestStatus.PASSED);
    expected.put("twoMore", TestStatus.NOT_RUN);
    assertEquals(expected, statuses(outcome), () -> outcome.tests().stream()
        .map(t -> t.id() + ": " + t.status() + " " + t.message()).collect(Collectors.joining("\n")));
    assertEquals(ExerciseStatus.GRADED, outcome.status());
    Map<String, TestOutcome> tests = byId(outcome);
    assertContains(tests.get("one").message(), "exited with status 3 during 'one answers ok'");
    assertContains(tests.get("two").message(), "during 'two answers ok'", "time limit of 8 s");
    assertContains(tests.get("twoMore").message(), "Not run: the exercise's time limit of 8 s was used up");
    assertEquals(3, outcome.jvms(), "part one restarted once, part two ran in one JVM");
    assertContains(outcome.message(), "'one answers ok' ended the JVM", "(3 JVMs in all)");
  }

  @Test
  void aJvmThatCannotStartCrashesEveryPartAndTheExercise() throws Exception {
    Path classes = ProbeStudent.compile(temp.resolve("student"), "");
    RunPolicy policy = RunPolicy.defaults().withJvmOptions(List.of("-XX:+NoSuchOption"), List.of());
    ExerciseRunner runner = new ExerciseRunner(partsInstallation, ProcessSandbox.detect(), ResourceLimits.defaults(),
        policy, Clock.systemUTC());
    ExerciseRubric rubric = partsRubric(List.of(List.of("PartOneSuite"), List.of("PartTwoSuite")));
    ExerciseOutcome outcome = runner.run(new SuiteRun(rubric, classes, temp, temp.resolve("work")), RunListener.NONE);
    assertEquals(ExerciseStatus.CRASHED, outcome.status());
    assertContains(outcome.message(), "stopped before it could run any test", "NoSuchOption");
    assertTrue(outcome.tests().stream().allMatch(t -> t.status() == TestStatus.NOT_RUN));
    assertEquals(2, outcome.jvms());
  }

  @Test
  void partsThatDoNotMatchTheSuiteClassesAreAGraderError() throws Exception {
    Path classes = ProbeStudent.compile(temp.resolve("student"), "");
    ExerciseRunner runner = new ExerciseRunner(partsInstallation, ProcessSandbox.detect(), ResourceLimits.defaults(),
        RunPolicy.defaults(), Clock.systemUTC());
    ExerciseRubric misspelt = partsRubric(List.of(List.of("PartOneSuite"), List.of("PartZweiSuite")));
    RubricException e = assertThrows(RubricException.class,
        () -> runner.run(new SuiteRun(misspelt, classes, temp, temp.resolve("work")), RunListener.NONE));
    // Each part's JVM finds PartTwoSuite in no part; which of them says so first is up to the scheduler.
    assertContains(e.getMessage(), "suite class PartTwoSuite of grader.run.probe.parts declares tests but is in no part");
  }
}
