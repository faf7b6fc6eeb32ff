package grader.run;

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
import grader.protocol.SuiteClassName;
import grader.rubric.ExerciseRubric;
import grader.rubric.RubricCheck;
import grader.rubric.RubricException;
import grader.sandbox.ResourceLimits;
import grader.sandbox.Sandbox;
import grader.sandbox.SandboxedProcess;
import grader.scorecard.TestStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs one exercise's graded suite in child JVMs and decides each test's outcome from what streams
 * back, whatever the child does.
 *
 * <p>The parent trusts only sealed events read from the results file, never the child's standard
 * output. It enforces the exercise's wall clock, the output limit and a per-test watchdog, and kills
 * the child when one is exceeded. When a JVM ends in the middle (System.exit, halt, crash, a kill, or
 * the harness's own restart request after a timeout), the results received so far stand, the test
 * that was running gets an error in the student's words, and a fresh JVM runs the remaining tests, up
 * to {@link RunPolicy#maxRestarts()} times. A test without a finished event never earns points.
 *
 * <p>An exercise whose rubric has {@code parts} runs each part (some of its suite classes) at the
 * same time as a run of its own: its own harness JVMs, each holding one of the grader's harness
 * slots while it runs, its own wall clock and restarts, its own files under {@code
 * part-<n>/}. {@link PartOutcome#merge} joins them into one outcome in rubric order, so the
 * scorecard is that of one run; a part that crashes or times out costs only its own tests.
 *
 * <p>Files go under {@link SuiteRun#workDirectory()}; the caller deletes it. Nothing the runner
 * starts outlives {@link #run}.
 */
public final class ExerciseRunner {
  /** The harness writes a few KB per test; anything near this is a flood from somewhere else. */
  private static final long MAX_RESULTS_BYTES = 32L * 1024 * 1024;
  private static final int OUTPUT_FOR_CRASHED_TEST = 4 * 1024;
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  /** The installation as given, with the Java the run-time image is linked from. */
  private final GraderInstallation linkedFrom;
  /** The installation whose Java runs the suites: the run-time image where there is one. */
  private final GraderInstallation installation;
  private final Sandbox sandbox;
  private final ResourceLimits limits;
  private final RunPolicy policy;
  private final Clock clock;
  private final SecureRandom random;
  private final ChildCommand commands;
  private final CrashReport crashes;
  private final Semaphore harnessSlots;

  /** A runner whose parts start at once, without waiting for a harness slot. */
  public ExerciseRunner(
      GraderInstallation installation, Sandbox sandbox, ResourceLimits limits, RunPolicy policy, Clock clock) {
    this(installation, sandbox, limits, policy, clock, new Semaphore(Integer.MAX_VALUE));
  }

  /**
   * @param harnessSlots shared by the grader's runners: each part of an exercise holds one permit
   *     while its harness JVMs run
   */
  public ExerciseRunner(GraderInstallation installation, Sandbox sandbox, ResourceLimits limits, RunPolicy policy,
      Clock clock, Semaphore harnessSlots) {
    this.harnessSlots = Objects.requireNonNull(harnessSlots, "harnessSlots must not be null");
    this.linkedFrom = Objects.requireNonNull(installation, "installation must not be null");
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox must not be null");
    this.limits = Objects.requireNonNull(limits, "limits must not be null");
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.random = new SecureRandom();
    this.installation = policy.classDataArchive() ? new RuntimeImage(installation).installationOnImage() : installation;
    this.commands = new ChildCommand(this.installation, limits, policy);
    this.crashes = new CrashReport(limits, policy);
  }

  /**
   * Prepares what makes every later JVM of a run start faster, if the policy wants it and it does
   * not exist yet (a few seconds, once per installation and Java): the run-time image (runners made
   * after this run on it), then the class-data archive of the grader's classes for that image. Best
   * effort; safe to call from several graders at once.
   */
  public void prepare() {
    if (policy.classDataArchive()) {
      GraderInstallation onImage = new RuntimeImage(linkedFrom).ensure().map(linkedFrom::withJavaHome)
          .orElse(linkedFrom);
      new CdsArchive(onImage, commands.memoryOptions()).ensure();
    }
  }

  /**
   * Runs {@code run}'s suite, its parts at the same time, and returns one outcome per rubric test,
   * in rubric order. {@code listener} is called from the parts' threads, one call at a time.
   *
   * @throws RubricException if the suite's tests do not match the rubric (a grader bug)
   * @throws IOException if the run's files cannot be written or the child cannot be started
   */
  public ExerciseOutcome run(SuiteRun run, RunListener listener)
      throws IOException, InterruptedException, RubricException {
    List<Part> parts = Part.of(run);
    RunListener oneAtATime = new SerialListener(listener);
    if (parts.size() == 1) {
      return merged(run, List.of(runPart(run, parts.get(0), oneAtATime)), oneAtATime);
    }
    ExecutorService pool = Executors.newFixedThreadPool(parts.size(), r -> {
      Thread thread = new Thread(r, "grader-part-" + run.exercise().id());
      thread.setDaemon(true);
      return thread;
    });
    CompletionService<PartOutcome> done = new ExecutorCompletionService<>(pool);
    List<Future<PartOutcome>> futures = new ArrayList<>();
    try {
      for (Part part : parts) {
        futures.add(done.submit(() -> runPart(run, part, oneAtATime)));
      }
      for (int i = 0; i < parts.size(); i++) {
        PoolWaits.resultOf(done.take(), "running a part of an exercise"); // the first failure stops the others at once
      }
      List<PartOutcome> outcomes = new ArrayList<>();
      for (Future<PartOutcome> future : futures) {
        outcomes.add(PoolWaits.resultOf(future, "running a part of an exercise"));
      }
      return merged(run, outcomes, oneAtATime);
    } finally {
      futures.forEach(f -> f.cancel(true)); // no-op for the parts that ended
      pool.shutdown();
      PoolWaits.awaitTermination(pool); // each part kills its JVM when interrupted: nothing outlives run
    }
  }

  /** The exercise's outcome; the tests no part could list are reported to the listener here. */
  private static ExerciseOutcome merged(SuiteRun run, List<PartOutcome> parts, RunListener listener)
      throws RubricException {
    ExerciseOutcome outcome = PartOutcome.merge(run.exercise(), parts);
    if (parts.stream().anyMatch(PartOutcome::crashed)) {
      Set<String> listed = new HashSet<>();
      parts.forEach(p -> listed.addAll(p.planned()));
      outcome.tests().stream().filter(t -> !listed.contains(t.id()))
          .forEach(t -> listener.testFinished(run.exercise().id(), t));
    }
    return outcome;
  }



  /** Runs one part in its own JVMs, holding a harness slot meanwhile. */
  private PartOutcome runPart(SuiteRun run, Part part, RunListener listener)
      throws IOException, InterruptedException, RubricException {
    harnessSlots.acquire();
    try {
      return runPartInSlot(part.runOf(run), part, listener);
    } finally {
      harnessSlots.release();
    }
  }

  private PartOutcome runPartInSlot(SuiteRun run, Part part, RunListener listener)
      throws IOException, InterruptedException, RubricException {
    ChildCommand.Layout layout = ChildCommand.Layout.in(run.workDirectory());
    for (Path dir : List.of(layout.home(), layout.tmp(), layout.gate(), layout.logs())) {
      Files.createDirectories(dir);
    }
    Ledger ledger = new Ledger(run.exercise(), part, listener);
    long deadline = clock.millis() + limits.wallClock().toMillis();
    List<String> restarts = new ArrayList<>();
    Set<String> limitsHit = new LinkedHashSet<>();
    for (int jvm = 1; ; jvm++) {
      Jvm child = new Jvm(jvm);
      ChildEnding ending = runJvm(run, part, layout, child, ledger, deadline);
      limitsHit.addAll(ending.limitsHit());
      String crashedTest = null;
      if (ledger.runningId != null) {
        crashedTest = ledger.plan.get(ledger.runningId).name();
        ledger.resolveRunning(ending, layout.output(jvm));
      }
      if (ledger.plan == null) {
        return PartOutcome.crashedAtStartup(crashes.atStartup(ending), jvm, ledger.rejected);
      }
      List<String> remaining = ledger.unresolved();
      if (remaining.isEmpty()) {
        return ledger.outcome(jvm, restarts, limitsHit);
      }
      if (child.done) {
        ledger.resolveAll(remaining, TestStatus.ERROR, "The grader's harness finished without running this test.");
      } else if (!child.progress) {
        ledger.resolveAll(remaining, TestStatus.ERROR, crashes.beforeAnyTest(ending));
      } else if (clock.millis() >= deadline) {
        ledger.resolveAll(remaining, TestStatus.NOT_RUN, crashes.notRunAfterDeadline());
      } else if (jvm > policy.maxRestarts()) {
        ledger.resolveAll(remaining, TestStatus.NOT_RUN, CrashReport.notRunAfterRestarts(policy.maxRestarts()));
      } else {
        restarts.add(child.restartAfter != null
            ? "'" + ledger.plan.get(child.restartAfter).name() + "' timed out"
            : crashedTest != null ? "'" + crashedTest + "' ended the JVM"
            : ending.limitsHit().isEmpty() ? "the JVM ended between two tests"
            : "the sandbox stopped the JVM between two tests");
        continue;
      }
      return ledger.outcome(jvm, restarts, limitsHit);
    }
  }

  /**
   * One part of an exercise: the suite classes it runs ({@code classes}, empty for the whole suite)
   * and those the other parts run ({@code except}, which its JVMs leave out), and where its files go.
   *
   * @param index the part's place in the rubric's {@code parts}, from 0; -1 for an exercise without parts
   */
  record Part(int index, List<String> classes, Set<String> except) {
    static List<Part> of(SuiteRun run) {
      List<List<String>> groups = run.exercise().parts();
      if (groups.isEmpty()) {
        return List.of(new Part(-1, List.of(), Set.of()));
      }
      List<Part> parts = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        Set<String> others = new TreeSet<>();
        for (int j = 0; j < groups.size(); j++) {
          if (j != i) {
            others.addAll(groups.get(j));
          }
        }
        parts.add(new Part(i, groups.get(i), others));
      }
      return parts;
    }

    boolean whole() {
      return index < 0;
    }

    /** The run with this part's own work directory. */
    SuiteRun runOf(SuiteRun run) {
      return whole() ? run : new SuiteRun(run.exercise(), run.classesDirectory(), run.submissionRoot(),
          run.workDirectory().resolve("part-" + (index + 1)));
    }
  }

  /** Passes calls on one at a time, whichever part's thread makes them. */
  private static final class SerialListener implements RunListener {
    private final RunListener target;

    SerialListener(RunListener target) {
      this.target = target;
    }

    @Override
    public synchronized void testStarted(String exerciseId, String testId, String name) {
      target.testStarted(exerciseId, testId, name);
    }

    @Override
    public synchronized void testFinished(String exerciseId, TestOutcome outcome) {
      target.testFinished(exerciseId, outcome);
    }
  }

  private ChildEnding runJvm(SuiteRun run, Part part, ChildCommand.Layout layout, Jvm child, Ledger ledger,
      long deadline)
      throws IOException, InterruptedException, RubricException {
    Path results = layout.results(child.number);
    Files.deleteIfExists(results);
    Files.createFile(results);
    OutputFiles output = layout.output(child.number);
    RunNonce nonce = RunNonce.generate(random);
    EventCodec codec = new EventCodec(nonce);
    Set<String> only = child.number == 1 ? Set.of() : new LinkedHashSet<>(ledger.unresolved());
    long started = clock.millis();
    ledger.jvmStartedMillis = started;
    ChildEnding.Cause cause = null;
    OptionalInt exit = OptionalInt.empty();
    SandboxedProcess process = sandbox.start(commands.request(run, layout, child.number, only, part.except()));
    try (ResultsTail tail = new ResultsTail(results)) {
      sendNonce(process, nonce);
      while (cause == null) {
        exit = process.waitFor(policy.pollInterval());
        drain(tail, codec, child, ledger);
        long now = clock.millis();
        if (exit.isPresent()) {
          cause = ChildEnding.Cause.EXITED;
        } else if (child.done) {
          // Every result is in and the harness does nothing after its done event but halt. Its exit
          // is not waited for: JDK 17 holds a halting JVM up to 300 ms while any thread is in native
          // code (VM_Exit::wait_for_threads_in_native_to_block), and an HttpClient's selector always is.
          cause = ChildEnding.Cause.FINISHED;
        } else if (output.totalBytes() > limits.maxOutputBytes()) {
          cause = ChildEnding.Cause.OUTPUT_LIMIT;
        } else if (tail.bytesRead() > MAX_RESULTS_BYTES) {
          cause = ChildEnding.Cause.RESULTS_LIMIT;
        } else if (now >= deadline) {
          cause = ChildEnding.Cause.DEADLINE;
        } else if (ledger.runningId != null
            && now - ledger.runningSinceMillis > ledger.runningTimeoutMs + policy.watchdogGrace().toMillis()) {
          cause = ChildEnding.Cause.WATCHDOG;
        }
      }
      if (exit.isEmpty()) {
        process.kill();
        exit = process.waitFor(KILL_WAIT);
        drain(tail, codec, child, ledger); // what it wrote before it died still counts
      }
    } finally {
      process.close();
    }
    // The last words, not "since the test started": the parent learns that a test started only when
    // it next polls, and by then a quick test may have printed and died already.
    String stderrTail = OutputFiles.tail(output.stderr(), 0, policy.outputTailBytes());
    // HotSpot prints some fatal news (ExitOnOutOfMemoryError's "Terminating due to ...") on stdout.
    String stdoutTail = OutputFiles.tail(output.stdout(), 0, policy.outputTailBytes());
    return new ChildEnding(cause, exit, clock.millis() - started, stderrTail, stdoutTail, process.limitsHit());
  }

  private static void sendNonce(SandboxedProcess process, RunNonce nonce) {
    try (OutputStream stdin = process.stdin()) {
      stdin.write((nonce.value() + "\n").getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // The child is already gone; how it ended says why.
    }
  }

  private void drain(ResultsTail tail, EventCodec codec, Jvm child, Ledger ledger)
      throws IOException, RubricException {
    for (String line : tail.readLines()) {
      DecodedLine decoded = codec.decode(line);
      if (decoded instanceof DecodedLine.Accepted accepted) {
        accept(accepted.event(), child, ledger);
      } else {
        ledger.rejected++;
      }
    }
  }

  private void accept(Event event, Jvm child, Ledger ledger) throws RubricException {
    if (event.seq() <= child.lastSeq) {
      ledger.rejected++; // a replayed line
      return;
    }
    child.lastSeq = event.seq();
    if (event instanceof PlanEvent plan) {
      if (child.planned) {
        ledger.rejected++;
        return;
      }
      child.planned = true;
      ledger.plan(plan.tests());
      return;
    }
    if (!child.planned) {
      ledger.rejected++;
      return;
    }
    if (event instanceof StartedEvent started) {
      if (ledger.started(started)) {
        child.progress = true;
      } else {
        ledger.rejected++;
      }
    } else if (event instanceof FinishedEvent finished) {
      if (ledger.finished(finished)) {
        child.progress = true;
      } else {
        ledger.rejected++;
      }
    } else if (event instanceof RestartEvent restart) {
      child.restartAfter = ledger.plan.containsKey(restart.testId()) ? restart.testId() : null;
    } else if (event instanceof DoneEvent) {
      child.done = true;
    }
  }

  static TestStatus statusOf(ReportedStatus reported) {
    switch (reported) {
      case PASSED:
        return TestStatus.PASSED;
      case FAILED:
        return TestStatus.FAILED;
      case TIMED_OUT:
        return TestStatus.TIMED_OUT;
      case SKIPPED:
        return TestStatus.NOT_RUN;
      default:
        return TestStatus.ERROR;
    }
  }

  /** What one JVM did. */
  private static final class Jvm {
    final int number;
    long lastSeq = -1;
    boolean planned;
    boolean progress;
    boolean done;
    String restartAfter;

    Jvm(int number) {
      this.number = number;
    }
  }

  /** The part's results so far, across JVMs, and the test that is running now. */
  private final class Ledger {
    final ExerciseRubric exercise;
    final Part part;
    final RunListener listener;
    final Map<String, TestOutcome> resolved = new HashMap<>();
    final Map<String, Long> minDurationMs = new HashMap<>();
    final List<String> contradictions = new ArrayList<>();
    Map<String, PlannedTest> plan;
    int rejected;
    long jvmStartedMillis;
    String runningId;
    String runningInvocation;
    long runningStartedMillis;
    long runningSinceMillis;
    long runningTimeoutMs;

    Ledger(ExerciseRubric exercise, Part part, RunListener listener) {
      this.exercise = exercise;
      this.part = part;
      this.listener = listener;
      exercise.tests().forEach(t -> minDurationMs.put(t.id(), t.minDurationMs()));
    }

    void plan(List<PlannedTest> tests) throws RubricException {
      if (plan != null) {
        return; // a later JVM lists only the remaining tests
      }
      List<String> ids = tests.stream().map(PlannedTest::id).toList();
      if (part.whole()) {
        RubricCheck.verify(exercise, ids);
      } else {
        RubricCheck.verifyKnown(exercise, ids); // PartOutcome.merge checks that no test is missing
        Map<String, String> suiteClasses = new LinkedHashMap<>();
        tests.forEach(t -> suiteClasses.put(t.id(), SuiteClassName.relative(exercise.suite(), t.className())));
        RubricCheck.verifyPart(exercise, part.index(), part.classes(), suiteClasses);
      }
      Map<String, PlannedTest> byId = new LinkedHashMap<>();
      tests.forEach(t -> byId.put(t.id(), t));
      Map<String, String> declaringClasses = new LinkedHashMap<>();
      tests.forEach(t -> declaringClasses.put(t.id(), t.className()));
      RubricCheck.verifyPlacement(exercise, declaringClasses);
      plan = byId;
    }

    boolean started(StartedEvent event) {
      if (!plan.containsKey(event.testId()) || resolved.containsKey(event.testId())) {
        return false;
      }
      long now = clock.millis();
      if (!event.testId().equals(runningId)) {
        runningId = event.testId();
        runningStartedMillis = now;
        listener.testStarted(exercise.id(), event.testId(), plan.get(event.testId()).name());
      }
      runningInvocation = event.invocation();
      runningSinceMillis = now;
      runningTimeoutMs = Math.max(0, event.timeoutMs());
      return true;
    }

    boolean finished(FinishedEvent event) {
      if (!plan.containsKey(event.testId())) {
        return false;
      }
      if (resolved.containsKey(event.testId())) {
        // The harness reports each test once; a second report means it is not the harness talking.
        TestOutcome first = resolved.get(event.testId());
        if (first.status() == TestStatus.PASSED || event.status() == ReportedStatus.PASSED) {
          contradict(event, "the same test twice (" + first.status().id() + ", then " + event.status().id() + ")");
        }
        return false;
      }
      boolean wasRunning = event.testId().equals(runningId);
      Optional<String> contradiction = ReportCheck.contradiction(event, wasRunning,
          clock.millis() - jvmStartedMillis, minDurationMs.getOrDefault(event.testId(), 0L));
      if (wasRunning) {
        runningId = null;
      }
      if (contradiction.isPresent()) {
        contradict(event, contradiction.get());
        return true;
      }
      String message = event.message();
      if (event.invocation() != null && message != null) {
        message = "Failed for " + event.invocation() + ":\n" + message;
      }
      resolve(new TestOutcome(event.testId(), plan.get(event.testId()).name(), statusOf(event.status()), message,
          event.durationMs(), event.measurements(), event.output(), TimelineCheck.accepted(event.timeline())));
      return true;
    }

    /** The test earns nothing, whatever was reported, and the scorecard says why. */
    private void contradict(FinishedEvent event, String contradiction) {
      contradictions.add("test '" + event.testId() + "': the harness reported " + contradiction
          + "; the result was not scored");
      resolve(new TestOutcome(event.testId(), plan.get(event.testId()).name(), TestStatus.ERROR,
          ReportCheck.message(contradiction), Math.max(0, event.durationMs()), Map.of(), event.output()));
    }

    /** The running test ends with its JVM: timed out if the parent killed it for time, else an error. */
    void resolveRunning(ChildEnding ending, OutputFiles output) {
      PlannedTest test = plan.get(runningId);
      String name = test.name() + (runningInvocation == null ? "" : " " + runningInvocation);
      TestStatus status = ending.cause() == ChildEnding.Cause.DEADLINE || ending.cause() == ChildEnding.Cause.WATCHDOG
          ? TestStatus.TIMED_OUT
          : TestStatus.ERROR;
      String printed = OutputFiles.tail(output.stdout(), 0, OUTPUT_FOR_CRASHED_TEST);
      resolve(new TestOutcome(runningId, test.name(), status, crashes.duringTest(name, runningTimeoutMs, ending),
          clock.millis() - runningStartedMillis, Map.of(), printed));
      runningId = null;
    }

    void resolveAll(List<String> ids, TestStatus status, String message) {
      for (String id : ids) {
        resolve(new TestOutcome(id, plan.get(id).name(), status, message, 0, Map.of(), ""));
      }
    }

    private void resolve(TestOutcome outcome) {
      resolved.put(outcome.id(), outcome);
      listener.testFinished(exercise.id(), outcome);
    }

    /** Planned tests without an outcome, in plan (execution) order. */
    List<String> unresolved() {
      return plan.keySet().stream().filter(id -> !resolved.containsKey(id)).toList();
    }

    PartOutcome outcome(int jvms, List<String> restarts, Set<String> limitsHit) {
      return new PartOutcome(List.copyOf(plan.keySet()), resolved, null, jvms, rejected, contradictions, restarts,
          List.copyOf(limitsHit));
    }
  }
}
