package grader.child;

import grader.protocol.PlannedTest;
import grader.protocol.ReportedStatus;
import grader.protocol.TimelineEntry;
import grader.suites.support.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records what happens to each graded test and streams it to the parent. A graded test is a test
 * method, identified by its method name; the invocations of a parameterized or repeated method are
 * folded into one verdict (all must pass). After a timeout the JVM may be poisoned by a thread that
 * still spins, so the listener stops the JVM and asks the parent for a fresh one.
 *
 * <p>Callbacks arrive from JUnit's thread, the timeout threads and the watchdog: all state is guarded
 * by this object's monitor.
 */
final class SuiteListener implements TestExecutionListener {
  private static final int MAX_MEASUREMENTS = 64;
  private static final int MAX_MEASUREMENT_CHARS = 512;
  private static final Pattern INVOCATION_INDEX = Pattern.compile("^(\\[\\d+\\])");

  private final EventWriter writer;
  private final OutputCapture capture;
  private final FailureFeedback feedback;
  private final TimeoutLookup timeouts;
  private final LongSupplier nanoTime;
  private final IntConsumer halt;
  private final LongConsumer invocationStarted;
  private final Map<String, GradedTest> tests = new LinkedHashMap<>();
  private TestPlan plan;
  private GradedTest running;
  private boolean stopped;

  /**
   * @param halt ends the JVM at once (skipping shutdown hooks); in production {@code
   *     Runtime.getRuntime()::halt}
   */
  SuiteListener(
      EventWriter writer,
      OutputCapture capture,
      FailureFeedback feedback,
      TimeoutLookup timeouts,
      LongSupplier nanoTime,
      IntConsumer halt) {
    this(writer, capture, feedback, timeouts, nanoTime, halt, started -> {});
  }

  /**
   * @param invocationStarted told, from JUnit's thread before the code of each invocation runs, the
   *     nanosecond it started (the {@link DeadlockWatch} takes its baseline then)
   */
  SuiteListener(
      EventWriter writer,
      OutputCapture capture,
      FailureFeedback feedback,
      TimeoutLookup timeouts,
      LongSupplier nanoTime,
      IntConsumer halt,
      LongConsumer invocationStarted) {
    this.invocationStarted = invocationStarted;
    this.writer = writer;
    this.capture = capture;
    this.feedback = feedback;
    this.timeouts = timeouts;
    this.nanoTime = nanoTime;
    this.halt = halt;
  }

  @Override
  public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    for (TestIdentifier root : testPlan.getRoots()) {
      collect(root);
    }
    writer.plan(tests.values().stream().map(t -> t.planned).toList());
  }

  private void collect(TestIdentifier identifier) {
    if (identifier.getSource().orElse(null) instanceof MethodSource source) {
      PlannedTest planned = new PlannedTest(source.getMethodName(), identifier.getDisplayName(), source.getClassName());
      tests.put(identifier.getUniqueId(), new GradedTest(planned, timeouts.millisFor(source)));
      return; // everything below is an invocation of this test
    }
    for (TestIdentifier child : plan.getChildren(identifier)) {
      collect(child);
    }
  }

  @Override
  public synchronized void executionStarted(TestIdentifier identifier) {
    if (stopped) {
      return;
    }
    GradedTest test = tests.get(identifier.getUniqueId());
    if (test != null) {
      running = test;
      test.started = true;
      test.startedNanos = nanoTime.getAsLong();
      test.invocationStartedNanos = test.startedNanos;
      invocationStarted.accept(test.invocationStartedNanos);
      capture.begin();
      writer.started(test.planned.id(), null, test.timeoutMs);
      return;
    }
    test = gradedTestOf(identifier);
    if (test != null && !test.finished && identifier.isTest()) {
      test.invocationStartedNanos = nanoTime.getAsLong();
      invocationStarted.accept(test.invocationStartedNanos);
      writer.started(test.planned.id(), identifier.getDisplayName(), test.timeoutMs);
    }
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
    if (stopped) {
      return;
    }
    GradedTest test = tests.get(identifier.getUniqueId());
    if (test != null) {
      test.record(ReportedStatus.SKIPPED, "The test was skipped: " + reason, null);
      finish(test);
    } else if (gradedTestOf(identifier) == null) {
      for (GradedTest below : gradedTestsUnder(identifier)) {
        below.record(ReportedStatus.SKIPPED, "The test was skipped: " + reason, null);
        finish(below);
      }
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (stopped) {
      return;
    }
    GradedTest test = tests.get(identifier.getUniqueId());
    if (test != null) {
      if (!test.finished) {
        record(test, result, null);
        finish(test);
      }
      return;
    }
    test = gradedTestOf(identifier);
    if (test != null) {
      if (!test.finished) {
        record(test, result, identifier.getDisplayName());
        if (test.status == ReportedStatus.TIMED_OUT) {
          finish(test); // no point in running the other invocations in a poisoned JVM
        }
      }
      return;
    }
    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      // A class or engine failed around its tests (e.g. @BeforeAll): they never ran.
      String why = result.getThrowable().map(t -> feedback.judge(t, 0).message()).orElse("no reason given");
      for (GradedTest below : gradedTestsUnder(identifier)) {
        below.record(ReportedStatus.ERROR, "The test could not run because setting up '"
            + identifier.getDisplayName() + "' failed:\n" + why, null);
        finish(below);
      }
    }
  }

  @Override
  public synchronized void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
    GradedTest test = gradedTestOf(identifier);
    if (stopped || test == null || test.finished) {
      return;
    }
    String prefix = tests.containsKey(identifier.getUniqueId()) ? "" : invocationPrefix(identifier.getDisplayName());
    entry.getKeyValuePairs().forEach((key, value) -> {
      if (key.equals(Timeline.ENTRY_KEY)) {
        // The latest observation's picture, until the verdict turns bad: then the one that failed stays.
        if (test.status == ReportedStatus.PASSED) {
          test.timeline = Timeline.decode(value);
        }
      } else if (test.measurements.size() < MAX_MEASUREMENTS) {
        String text = value.length() <= MAX_MEASUREMENT_CHARS ? value : value.substring(0, MAX_MEASUREMENT_CHARS) + "...";
        test.measurements.put(prefix + key, text);
      }
    });
  }

  /**
   * Called by the watchdog: a test that ran past its timeout plus {@code graceMillis} was not stopped
   * by JUnit (its thread ignores interrupts and JUnit waits for it), so the harness gives up on it.
   */
  synchronized void abandonIfOverdue(long graceMillis) {
    if (stopped || running == null) {
      return;
    }
    long runningMillis = (nanoTime.getAsLong() - running.invocationStartedNanos) / 1_000_000;
    if (runningMillis > running.timeoutMs + graceMillis) {
      running.record(ReportedStatus.TIMED_OUT,
          feedback.timedOut(running.timeoutMs, "it was still running, and could not be stopped,"), null);
      finish(running);
    }
  }

  /**
   * Which invocation is running, as the nanosecond it started, or {@code -1} when no test runs: the
   * deadlock watch keeps a baseline per invocation and names it when it gives up.
   */
  synchronized long runningInvocation() {
    return stopped || running == null ? -1 : running.invocationStartedNanos;
  }

  /**
   * Called by the watchdog: threads that the running invocation's code started are deadlocked for
   * good (see {@link DeadlockWatch}), so the test can only end at its timeout; it is reported timed
   * out now, with where the threads are stuck, instead of a minute later.
   */
  synchronized void abandonDeadlocked(long invocation) {
    if (stopped || running == null || running.invocationStartedNanos != invocation) {
      return;
    }
    running.record(ReportedStatus.TIMED_OUT, feedback.deadlocked(running.timeoutMs), null);
    finish(running);
  }

  /** After the launcher returns: any test JUnit never reported gets an error, so the parent knows. */
  synchronized void finishUnreported() {
    if (stopped) {
      return;
    }
    for (GradedTest test : tests.values()) {
      if (!test.finished) {
        test.record(ReportedStatus.ERROR, "JUnit did not report a result for this test.", null);
        finish(test);
      }
    }
  }

  synchronized boolean isStopped() {
    return stopped;
  }

  private void record(GradedTest test, TestExecutionResult result, String invocation) {
    switch (result.getStatus()) {
      case SUCCESSFUL:
        return;
      case ABORTED:
        test.record(ReportedStatus.SKIPPED, "The test was aborted: "
            + result.getThrowable().map(Throwable::getMessage).orElse("an assumption did not hold"), invocation);
        return;
      default:
        FailureFeedback.Verdict verdict = result.getThrowable()
            .map(t -> feedback.judge(t, test.timeoutMs))
            .orElse(new FailureFeedback.Verdict(ReportedStatus.ERROR, "The test failed without saying why."));
        test.record(verdict.status(), verdict.message(), invocation);
    }
  }

  private void finish(GradedTest test) {
    long durationMs = test.started ? (nanoTime.getAsLong() - test.startedNanos) / 1_000_000 : 0;
    String output = "";
    if (running == test) {
      output = capture.end();
      running = null;
    }
    test.finished = true;
    writer.finished(test.planned.id(), test.status, test.status == ReportedStatus.PASSED ? null : test.message,
        durationMs, test.measurements, output, test.failedInvocation, test.timeline);
    if (test.status == ReportedStatus.TIMED_OUT) {
      stopAfterTimeout(test);
    }
  }

  private void stopAfterTimeout(GradedTest test) {
    stopped = true;
    boolean more = tests.values().stream().anyMatch(t -> !t.finished);
    if (more) {
      writer.restart(test.planned.id(), "a test that timed out may leave threads running that would disturb later tests");
    } else {
      writer.done();
    }
    halt.accept(0);
  }

  private GradedTest gradedTestOf(TestIdentifier identifier) {
    if (plan == null) {
      return null;
    }
    for (Optional<TestIdentifier> id = Optional.of(identifier); id.isPresent(); id = plan.getParent(id.get())) {
      GradedTest test = tests.get(id.get().getUniqueId());
      if (test != null) {
        return test;
      }
    }
    return null;
  }

  private List<GradedTest> gradedTestsUnder(TestIdentifier container) {
    List<GradedTest> below = new ArrayList<>();
    if (plan == null) {
      return below;
    }
    for (TestIdentifier descendant : plan.getDescendants(container)) {
      GradedTest test = tests.get(descendant.getUniqueId());
      if (test != null && !test.finished) {
        below.add(test);
      }
    }
    return below;
  }

  private static String invocationPrefix(String displayName) {
    Matcher index = INVOCATION_INDEX.matcher(displayName);
    return index.find() ? index.group(1) + " " : displayName + ": ";
  }

  /** One graded test and the verdict folded over its invocations so far. */
  private static final class GradedTest {
    final PlannedTest planned;
    final long timeoutMs;
    final Map<String, String> measurements = new LinkedHashMap<>();
    List<TimelineEntry> timeline = List.of();
    boolean started;
    boolean finished;
    long startedNanos;
    long invocationStartedNanos;
    ReportedStatus status = ReportedStatus.PASSED;
    String message;
    String failedInvocation;

    GradedTest(PlannedTest planned, long timeoutMs) {
      this.planned = planned;
      this.timeoutMs = timeoutMs;
    }

    /** Keeps the most severe outcome; among equals, the first (the one a student should fix first). */
    void record(ReportedStatus outcome, String text, String invocation) {
      if (severity(outcome) > severity(status)) {
        status = outcome;
        message = text;
        failedInvocation = invocation;
      }
    }

    private static int severity(ReportedStatus status) {
      switch (status) {
        case PASSED:
          return 0;
        case SKIPPED:
          return 1;
        case FAILED:
          return 2;
        case ERROR:
          return 3;
        default:
          return 4;
      }
    }
  }
}
