package grader.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.child.fixture.FirstFailureSuite;
import grader.child.fixture.ListenerFixtureSuite;
import grader.protocol.DecodedLine;
import grader.protocol.DoneEvent;
import grader.protocol.Event;
import grader.protocol.EventCodec;
import grader.protocol.FinishedEvent;
import grader.protocol.PlanEvent;
import grader.protocol.PlannedTest;
import grader.protocol.ReportedStatus;
import grader.protocol.RestartEvent;
import grader.protocol.RunNonce;
import grader.protocol.StartedEvent;
import grader.protocol.TimelineEntry;
import grader.suites.support.StudentCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's listener against a real in-process launcher: fixture suites exercise every way a
 * test can end, and the events it writes are decoded as the parent would.
 */
class SuiteListenerTests {
  @TempDir Path temp;
  private final RunNonce nonce = RunNonce.generate(new SecureRandom());
  private final ByteArrayOutputStream channel = new ByteArrayOutputStream();
  private final List<Integer> halts = new ArrayList<>();
  private StudentCode student;

  @BeforeEach
  void pretendFakeStudentIsTheStudentsCode() throws Exception {
    Path classes = temp.resolve("classes/grader/child/fixture");
    Files.createDirectories(classes);
    Files.write(classes.resolve("FakeStudent.class"), new byte[0]);
    student = StudentCode.in(temp.resolve("classes"));
  }

  private List<Event> run(String suitePackage, Set<String> only) throws Exception {
    return run(suitePackage, only, Set.of());
  }

  private List<Event> run(String suitePackage, Set<String> only, Set<String> except) throws Exception {
    Path root = Path.of(ListenerFixtureSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    EventWriter writer = new EventWriter(channel, new EventCodec(nonce), () -> halts.add(70));
    OutputCapture capture = new OutputCapture(4096, 65536);
    FailureFeedback feedback = new FailureFeedback(student, () -> StuckThreads.ofThisJvm(student).describe());
    SuiteListener listener = new SuiteListener(writer, capture, feedback, new TimeoutLookup(Duration.ofSeconds(60)),
        System::nanoTime, halts::add);
    HarnessArguments arguments = new HarnessArguments(suitePackage, temp.resolve("results"), List.of(root),
        Duration.ofSeconds(60), only, except);
    PrintStream out = System.out;
    System.setOut(capture.teeTo(out));
    try {
      new SuiteLauncher(arguments).run(listener);
    } finally {
      System.setOut(out);
    }
    listener.finishUnreported();
    if (!listener.isStopped()) {
      writer.done();
    }
    return decode();
  }

  private List<Event> decode() {
    EventCodec codec = new EventCodec(nonce);
    List<Event> events = new ArrayList<>();
    for (String line : channel.toString(StandardCharsets.UTF_8).split("\n")) {
      DecodedLine decoded = codec.decode(line);
      assertInstanceOf(DecodedLine.Accepted.class, decoded, line);
      events.add(((DecodedLine.Accepted) decoded).event());
    }
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i, events.get(i).seq(), "events are numbered from 0 without gaps");
    }
    return events;
  }

  private static Map<String, FinishedEvent> finished(List<Event> events) {
    Map<String, FinishedEvent> byId = new LinkedHashMap<>();
    events.stream().filter(FinishedEvent.class::isInstance).map(FinishedEvent.class::cast)
        .forEach(f -> byId.put(f.testId(), f));
    return byId;
  }

  @Test
  void aTestUnderFirstFailedInvocationEndsAtItsFirstFailure() throws Exception {
    FirstFailureSuite.RAN.clear();
    List<Event> events = run("grader.child.fixture", Set.of("stopsAtItsFirstFailure", "runsEveryInvocationWhenAllPass"));
    assertEquals(List.of("stops 1", "stops 2"), FirstFailureSuite.RAN.stream().filter(r -> r.startsWith("stops")).toList());
    assertEquals(List.of("passes 1", "passes 2", "passes 3"),
        FirstFailureSuite.RAN.stream().filter(r -> r.startsWith("passes")).toList());
    Map<String, FinishedEvent> results = finished(events);
    FinishedEvent stopped = results.get("stopsAtItsFirstFailure");
    assertEquals(ReportedStatus.FAILED, stopped.status());
    assertEquals("[2] 2", stopped.invocation());
    assertTrue(stopped.message().startsWith("n must not be 2"), stopped.message());
    assertEquals(ReportedStatus.PASSED, results.get("runsEveryInvocationWhenAllPass").status());
    assertEquals(2, events.stream().filter(e -> e instanceof StartedEvent s && "stopsAtItsFirstFailure".equals(s.testId())
        && s.invocation() != null).count(), "the skipped invocations never started");
  }

  @Test
  void everyWayATestCanEndBecomesOneVerdictAndATimeoutStopsTheJvm() throws Exception {
    List<Event> events = run("grader.child.fixture", Set.of("passes", "fails", "throwsFromStudentCode",
        "everyInvocationMustPass", "skipped", "timesOut", "afterTheTimeout"));

    PlanEvent plan = assertInstanceOf(PlanEvent.class, events.get(0));
    assertEquals(List.of("passes", "fails", "throwsFromStudentCode", "everyInvocationMustPass", "skipped",
        "timesOut", "afterTheTimeout"), plan.tests().stream().map(PlannedTest::id).toList());
    assertEquals("passes and reports", plan.tests().get(0).name());
    assertEquals("grader.child.fixture.ListenerFixtureSuite", plan.tests().get(0).className());
    assertEquals(new StartedEvent(1, "passes", null, 60_000), events.get(1));

    Map<String, FinishedEvent> results = finished(events);
    FinishedEvent passes = results.get("passes");
    assertEquals(ReportedStatus.PASSED, passes.status());
    assertNull(passes.message());
    assertEquals(Map.of("answer", "42"), passes.measurements());
    assertEquals("hello from passes\n", passes.output());

    FinishedEvent fails = results.get("fails");
    assertEquals(ReportedStatus.FAILED, fails.status());
    assertEquals("Expected: 5 threads asleep together ==> expected: <5> but was: <1>", fails.message());

    FinishedEvent error = results.get("throwsFromStudentCode");
    assertEquals(ReportedStatus.ERROR, error.status());
    assertEquals("Your code threw java.lang.IllegalStateException: boom\n"
        + "    at grader.child.fixture.FakeStudent.helper(FakeStudent.java:16)   <- first line in your code\n"
        + "    at grader.child.fixture.FakeStudent.explode(FakeStudent.java:12)", error.message());

    FinishedEvent invocations = results.get("everyInvocationMustPass");
    assertEquals(ReportedStatus.FAILED, invocations.status());
    assertEquals("[1] n=1", invocations.invocation());
    assertTrue(invocations.message().startsWith("n must be even"), invocations.message());
    assertEquals(List.of("[1] n", "[2] n", "[3] n"), List.copyOf(invocations.measurements().keySet()));
    assertEquals(3, events.stream().filter(e -> e instanceof StartedEvent s && "everyInvocationMustPass".equals(s.testId())
        && s.invocation() != null).count(), "one started event per invocation");

    FinishedEvent skipped = results.get("skipped");
    assertEquals(ReportedStatus.SKIPPED, skipped.status());
    assertEquals("The test was skipped: not graded this term", skipped.message());

    FinishedEvent timedOut = results.get("timesOut");
    assertEquals(ReportedStatus.TIMED_OUT, timedOut.status());
    assertTrue(timedOut.message().startsWith("Expected: the test to finish within 0.3 s.\nObserved: it was still"
        + " running after 0.3 s."), timedOut.message());

    // After a timeout the JVM may be poisoned: restart marker, halt, and nothing more.
    assertEquals(new RestartEvent(events.size() - 1, "timesOut",
        "a test that timed out may leave threads running that would disturb later tests"), events.get(events.size() - 1));
    assertEquals(List.of(0), halts);
    assertTrue(!results.containsKey("afterTheTimeout"));
  }

  @Test
  void theTimelineOfTheFailingInvocationTravelsWithTheResultAndIsNoMeasurement() throws Exception {
    FinishedEvent recorded = finished(run("grader.child.fixture", Set.of("recordsATimeline"))).get("recordsATimeline");
    assertEquals(ReportedStatus.FAILED, recorded.status());
    assertEquals(List.of(new TimelineEntry("Thread 3", "sleep", 0.0, 3.0, "slept 3 ms")), recorded.timeline());
    assertEquals(List.of("[1] n", "[2] n", "[3] n"), List.copyOf(recorded.measurements().keySet()));
  }

  @Test
  void onlyTheNamedTestsRunAfterARestart() throws Exception {
    List<Event> events = run("grader.child.fixture", Set.of("afterTheTimeout", "passes"));
    PlanEvent plan = assertInstanceOf(PlanEvent.class, events.get(0));
    assertEquals(List.of("passes", "afterTheTimeout"), plan.tests().stream().map(PlannedTest::id).toList());
    assertEquals(Set.of("passes", "afterTheTimeout"), finished(events).keySet());
    assertEquals(new DoneEvent(events.size() - 1, 2), events.get(events.size() - 1));
    assertEquals(List.of(), halts);
  }

  @Test
  void aPartOfTheExerciseLeavesOutTheClassesOtherPartsRun() throws Exception {
    List<Event> events = run("grader.child.fixture", Set.of(), Set.of("ListenerFixtureSuite", "FirstFailureSuite"));
    PlanEvent plan = assertInstanceOf(PlanEvent.class, events.get(0));
    assertEquals(List.of("neverRuns"), plan.tests().stream().map(PlannedTest::id).toList());
    assertEquals(Set.of("neverRuns"), finished(events).keySet());
  }

  @Test
  void testsOfAClassWhoseSetUpFailedGetAnErrorEach() throws Exception {
    List<Event> events = run("grader.child.fixture", Set.of("neverRuns"));
    FinishedEvent neverRuns = finished(events).get("neverRuns");
    assertEquals(ReportedStatus.ERROR, neverRuns.status());
    assertTrue(neverRuns.message().startsWith("The test could not run because setting up 'BrokenSetupSuite' failed:\n"
        + "The test failed with java.lang.IllegalStateException: port 8080 in use"), neverRuns.message());
  }
}
