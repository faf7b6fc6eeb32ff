package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.ExerciseRubric;
import grader.rubric.RubricException;
import grader.rubric.TestPoints;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.TestStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartOutcomeTests {
  private final ExerciseRubric exercise = new ExerciseRubric("compare", "Three ways", "grader.suites.compare",
      List.of(), List.of(points("threads"), points("processes"), points("benchmark"), points("report")), null,
      List.of(), List.of(List.of("BenchmarkSuite"), List.of("ProcessSuite"), List.of("ThreadSuite", "ReportSuite")));

  private static TestPoints points(String id) {
    return new TestPoints(id, BigDecimal.ONE, false);
  }

  private static TestOutcome passed(String id) {
    return new TestOutcome(id, id + " works", TestStatus.PASSED, null, 5, Map.of(), "");
  }

  private static PartOutcome part(List<String> restarts, int jvms, TestOutcome... tests) {
    return part(restarts, List.of(), jvms, tests);
  }

  private static PartOutcome part(List<String> restarts, List<String> limitsHit, int jvms, TestOutcome... tests) {
    Map<String, TestOutcome> byId = new LinkedHashMap<>();
    for (TestOutcome test : tests) {
      byId.put(test.id(), test);
    }
    return new PartOutcome(List.copyOf(byId.keySet()), byId, null, jvms, 1, List.of("contradiction " + jvms),
        restarts, limitsHit);
  }

  @Test
  void thePartsOutcomesComeBackInRubricOrderWithTheirFactsAddedUp() throws Exception {
    ExerciseOutcome outcome = PartOutcome.merge(exercise, List.of(part(List.of(), 1, passed("benchmark")),
        part(List.of("'processes works' ended the JVM"), 2, passed("processes")),
        part(List.of(), 1, passed("report"), passed("threads"))));
    assertEquals(List.of("threads", "processes", "benchmark", "report"),
        outcome.tests().stream().map(TestOutcome::id).toList());
    assertEquals(ExerciseStatus.GRADED, outcome.status());
    assertEquals(4, outcome.jvms());
    assertEquals(3, outcome.rejectedLines());
    assertEquals(List.of("contradiction 1", "contradiction 2", "contradiction 1"), outcome.contradictions());
    assertEquals("Some tests ended their JVM, so the grader ran the tests after them in a fresh one (4 JVMs in all):"
        + " 'processes works' ended the JVM.", outcome.message());
  }

  @Test
  void everyLimitAPartHitIsNamedOnceEvenWhenNoTestWasRunningThen() throws Exception {
    String full = "the run filled its work directory: no room is left for another file: it was stopped";
    ExerciseOutcome outcome = PartOutcome.merge(exercise, List.of(
        part(List.of("the sandbox stopped the JVM between two tests"), List.of(full), 2, passed("benchmark")),
        part(List.of(), List.of(full, "the pids limit"), 1, passed("processes")),
        part(List.of(), 1, passed("report"), passed("threads"))));
    assertEquals("Limits reached: " + full + "; the pids limit.\n"
        + "Some tests ended their JVM, so the grader ran the tests after them in a fresh one (4 JVMs in all):"
        + " the sandbox stopped the JVM between two tests.", outcome.message());
  }

  @Test
  void aPartThatCrashedAtStartUpCostsOnlyTheTestsNoOtherPartRan() throws Exception {
    ExerciseOutcome outcome = PartOutcome.merge(exercise, List.of(part(List.of(), 1, passed("benchmark")),
        PartOutcome.crashedAtStartup("The grader's test JVM stopped: boom.", 1, 2),
        part(List.of(), 1, passed("report"), passed("threads"))));
    assertEquals(ExerciseStatus.GRADED, outcome.status());
    TestOutcome processes = outcome.tests().get(1);
    assertEquals(TestOutcome.notRun("processes", "processes", PartOutcome.NOT_RUN_AT_STARTUP), processes);
    assertEquals(TestStatus.PASSED, outcome.tests().get(0).status());
    assertEquals("The tests marked not run ran in a JVM of their own (the exercise's tests ran in 3 JVMs at once),"
        + " which stopped before it could run any of them. The grader's test JVM stopped: boom.", outcome.message());
    assertEquals(4, outcome.rejectedLines());
  }

  @Test
  void theExerciseCrashedOnlyIfEveryPartDid() throws Exception {
    ExerciseOutcome outcome = PartOutcome.merge(exercise, List.of(PartOutcome.crashedAtStartup("first", 1, 0),
        PartOutcome.crashedAtStartup("second", 1, 0), PartOutcome.crashedAtStartup("third", 1, 0)));
    assertEquals(ExerciseStatus.CRASHED, outcome.status());
    assertEquals("first", outcome.message());
    assertTrue(outcome.tests().stream().allMatch(t -> t.status() == TestStatus.NOT_RUN));
    assertEquals(3, outcome.jvms());
  }

  @Test
  void oneWholePartIsTheOutcomeOfTheExerciseRunAsAWhole() throws Exception {
    ExerciseRubric whole = new ExerciseRubric("threads", "Sleepy", "grader.suites.threads", List.of(),
        List.of(points("a"), points("b")));
    ExerciseOutcome crashed = PartOutcome.merge(whole, List.of(PartOutcome.crashedAtStartup("it stopped", 1, 0)));
    assertEquals(new ExerciseOutcome("threads", ExerciseStatus.CRASHED, "it stopped",
        List.of(TestOutcome.notRun("a", "a", PartOutcome.NOT_RUN_AT_STARTUP),
            TestOutcome.notRun("b", "b", PartOutcome.NOT_RUN_AT_STARTUP)), 1, 0, List.of()), crashed);
    ExerciseOutcome graded = PartOutcome.merge(whole, List.of(part(List.of(), 1, passed("b"), passed("a"))));
    assertEquals(List.of(passed("a"), passed("b")), graded.tests());
    assertEquals(null, graded.message());
  }

  @Test
  void partsThatTogetherMissATestOrShareOneAreAGraderError() {
    RubricException missing = assertThrows(RubricException.class, () -> PartOutcome.merge(exercise,
        List.of(part(List.of(), 1, passed("benchmark")), part(List.of(), 1, passed("processes")),
            part(List.of(), 1, passed("threads")))));
    assertEquals("rubric compare.json gives points to test 'report', but suite grader.suites.compare has no such test"
        + " method", missing.getMessage());
    RubricException twice = assertThrows(RubricException.class, () -> PartOutcome.merge(exercise,
        List.of(part(List.of(), 1, passed("benchmark"), passed("processes")), part(List.of(), 1, passed("processes")),
            part(List.of(), 1, passed("threads"), passed("report")))));
    assertTrue(twice.getMessage().startsWith("suite grader.suites.compare declares test 'processes' more than once"),
        twice.getMessage());
  }
}
