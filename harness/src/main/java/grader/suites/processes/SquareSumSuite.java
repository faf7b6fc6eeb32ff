package grader.suites.processes;

import static org.junit.jupiter.api.Assertions.fail;

import exercises.processes.SquareSum;
import grader.suites.support.ChildJvm;
import grader.suites.support.ChildJvmResult;
import grader.suites.support.DescendantProcesses;
import grader.suites.support.Feedback;
import grader.suites.support.LaunchGate;
import grader.suites.support.LaunchGate.Answer;
import grader.suites.support.LaunchGate.Launch;
import grader.suites.support.StandardOutCapture;
import grader.suites.support.StudentCode;
import grader.suites.support.Submission;
import grader.suites.support.Timeline;
import grader.suites.support.WorkerTimeline;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exercise 2: {@code SquareSum.compute(n, workers)} splits {@code 1..n} over {@code workers}
 * child JVMs running {@code SquareSumWorker first last} and adds up what they print.
 *
 * <p>The workers are observed through the {@link LaunchGate}: the grader's agent in every JVM the
 * student starts reports its exact arguments, and the gate can hold workers at the start line
 * until all of them are there (proof that all were started before any was waited for) or make one
 * fail on purpose (to check the student's error handling). No verdict depends on a stopwatch.
 */
@DisplayName("Exercise 2 (processes): sum of squares in worker processes")
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
// The rendezvous test runs first, so the lesson example can judge the compute(100, 4) it observed.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Most invocations start worker JVMs: none is started for a test that has already failed.
@ExtendWith(FirstFailedInvocation.class)
public class SquareSumSuite {
  private static final String WORKER = "exercises.processes.SquareSumWorker";
  /** What the grader adds to each worker's true partial sum when it speaks for the workers. */
  private static final long OFFSET = 1_000;
  /** How long a held worker waits for its siblings: far more than a JVM needs to start, even on a busy machine. */
  private static final Duration HOLD = Duration.ofSeconds(10);
  private static final Duration WORKER_TIMEOUT = Duration.ofSeconds(20);
  /** The call whose workers the grader speaks for: small, so it costs few JVMs. */
  private static final int INJECT_N = 9;
  private static final int INJECT_WORKERS = 3;
  /** The worker whose range holds this number is the one made to fail: never the first one. */
  private static final int INJECT_AT = 5;

  private final StudentCode studentCode = StudentCode.ofSubmission();

  /** The lesson's example, compute(100, 4). */
  private static final int LESSON_N = 100;
  private static final int LESSON_WORKERS = 4;

  /**
   * The rendezvous test's compute(100, 4), kept only when the gate let all 4 workers go together
   * without waiting out its hold: then the workers were held only until the last of them arrived,
   * so compute returned what an unobserved call returns and one run of 4 worker JVMs serves both
   * tests. A call the gate held for the whole hold (workers started one after another) is not
   * kept: a compute with a timeout of its own could fail there and nowhere else, so the lesson
   * example then makes its own call. Static: JUnit makes a new instance per test method.
   */
  private static volatile ComputeCall lessonCall;

  @AfterEach
  public void endLeftoverWorkers() {
    // A worker left running by a failed test must not turn up at the next test's gate.
    DescendantProcesses.destroyAll(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("compute(100, 4) returns 338350")
  public void computesTheLessonExample() {
    ComputeCall observed = lessonCall;
    requireSum(observed != null ? observed : ComputeCall.of(LESSON_N, LESSON_WORKERS));
  }

  @ParameterizedTest(name = "compute({0}, {1})")
  @CsvSource({"10, 3", "3, 3", "1, 1"})
  @DisplayName("computes other sizes, uneven splits and one number per worker")
  public void computesOtherSizes(int n, int workers) {
    requireSum(ComputeCall.of(n, workers));
  }

  @Test
  @DisplayName("compute(2000000, 2) is exact: long arithmetic throughout")
  public void usesLongArithmeticForLargeN() {
    ComputeCall call = ComputeCall.of(2_000_000, 2);
    requireReturned(call);
    BigInteger expected = ComputeCall.sumOfSquares(call.n());
    if (!BigInteger.valueOf(call.result()).equals(expected)) {
      fail(Feedback.of(
          call.call() + " = " + expected,
          "it returned " + call.result(),
          "an int holds at most 2147483647, and 46341 * 46341 is already more: compute every square "
              + "and every sum as a long (long i, i * i), in the worker and in the parent."));
    }
  }

  @Test
  @DisplayName("starts one worker JVM per range; the ranges cover 1..n and differ in size by at most one")
  public void startsOneWorkerJvmPerRangeWithEvenSplit(TestReporter reporter) {
    int[][] cases = {{10, 4}, {11, 3}};
    for (int[] c : cases) {
      int n = c[0];
      int workers = c[1];
      ComputeCall call;
      List<Launch> launches;
      try (LaunchGate gate = LaunchGate.observe(WORKER)) {
        call = ComputeCall.of(n, workers);
        launches = gate.launches();
      }
      requireReturned(call);
      requireWorkers(call, launches);
      List<WorkerRange> ranges = requireRanges(call, launches);
      reporter.publishEntry("ranges " + call.call(), ranges.toString());
      if (launches.size() != workers) {
        fail(Feedback.of(
            "exactly " + workers + " worker JVMs for " + call.call(),
            launches.size() + " were started, for the ranges " + ranges,
            "start one child JVM per range, and split 1..n into exactly `workers` ranges."));
      }
      List<WorkerRange> sorted = ranges.stream().sorted().toList();
      long expectedFirst = 1;
      for (WorkerRange range : sorted) {
        if (range.first() != expectedFirst || range.last() < range.first()) {
          fail(Feedback.of(
              "ranges that are contiguous, do not overlap and cover 1.." + n + " for " + call.call(),
              "the workers got " + sorted + (range.first() != expectedFirst
                  ? "; expected a range starting at " + expectedFirst + " but found " + range
                  : "; " + range + " is empty"),
              "each range starts right after the previous one ends: first = previous last + 1; the first "
                  + "starts at 1 and the last ends at n."));
        }
        expectedFirst = range.last() + 1;
      }
      if (expectedFirst != n + 1L) {
        fail(Feedback.of(
            "ranges that cover 1.." + n + " for " + call.call(),
            "the workers got " + sorted + ", which end at " + (expectedFirst - 1),
            "the last range must end at n."));
      }
      long smallest = sorted.stream().mapToLong(WorkerRange::size).min().orElseThrow();
      long largest = sorted.stream().mapToLong(WorkerRange::size).max().orElseThrow();
      if (largest - smallest > 1) {
        fail(Feedback.of(
            "range sizes that differ by at most one for " + call.call() + " (e.g. " + evenSizes(n, workers) + ")",
            "the workers got " + sorted + ", sizes " + sorted.stream().map(r -> Long.toString(r.size()))
                .collect(Collectors.joining(", ")),
            "give every range n / workers numbers and spread the remainder n % workers one by one over "
                + "the first ranges, instead of giving it all to the last one."));
      }
    }
  }

  @Order(1)
  @ParameterizedTest(name = "compute({0}, {1})")
  @CsvSource({"100, 4", "30, 3"})
  @DisplayName("starts all workers before waiting for any: all of them are alive at the same moment")
  public void startsAllWorkersBeforeWaitingForAny(int n, int workers, TestReporter reporter) {
    Duration hold = Duration.ofMillis(Submission.scaled(HOLD.toMillis()));
    ComputeCall call;
    List<Launch> launches;
    int released;
    int timedOut;
    int together;
    try (LaunchGate gate = LaunchGate.rendezvous(workers, hold, WORKER)) {
      long called = System.nanoTime();
      call = ComputeCall.of(n, workers);
      long returned = System.nanoTime();
      Timeline.publish(reporter, () -> WorkerTimeline.of(gate,
          launch -> WorkerRange.of(launch).map(range -> "range " + range.first() + ".." + range.last()), "compute",
          called, returned));
      launches = gate.launches();
      released = gate.released();
      timedOut = gate.timedOut();
      together = gate.maxWaitingTogether();
    }
    if (n == LESSON_N && workers == LESSON_WORKERS && released == workers && timedOut == 0) {
      lessonCall = call;
    }
    reporter.publishEntry("workers_alive_together", Integer.toString(together));
    reporter.publishEntry("released_together", Integer.toString(released));
    requireReturned(call);
    requireWorkers(call, launches);
    if (released < workers || timedOut > 0) {
      fail(Feedback.of(
          "all " + workers + " workers of " + call.call() + " started before compute waits for any of them, "
              + "so all " + workers + " are alive at the same moment",
          "the grader held each worker at its start until all " + workers + " were there; at most " + together
              + " of them ever were, and after " + hold.toSeconds() + " s it let them go ("
              + launches.size() + " worker JVMs seen in all)",
          "start every process in one loop, and only then wait for them (waitFor, or reading their "
              + "output) in a second loop. Reading a worker's output right after starting it also waits "
              + "for it to finish."));
    }
  }

  @Test
  @DisplayName("returns the sum of what the workers print (not a sum computed in the parent)")
  public void returnsTheSumOfWhatTheWorkersPrint(TestReporter reporter) {
    List<Long> printed = new ArrayList<>();
    ComputeCall call;
    List<Launch> launches;
    // The grader speaks for every worker: its true partial sum plus OFFSET. Only a compute that
    // really adds up the children's output returns the total of those numbers.
    try (LaunchGate gate = LaunchGate.scripted(launch -> WorkerRange.of(launch)
        .map(range -> {
          long value = ComputeCall.sumOfSquares(range.first(), range.last()).longValue() + OFFSET;
          synchronized (printed) {
            printed.add(value);
          }
          return Answer.exit(0, value + System.lineSeparator(), "");
        })
        .orElse(Answer.proceed()), WORKER)) {
      call = ComputeCall.of(INJECT_N, INJECT_WORKERS);
      launches = gate.launches();
    }
    requireWorkers(call, launches);
    requireReturned(call);
    long expected;
    synchronized (printed) {
      expected = printed.stream().mapToLong(Long::longValue).sum();
    }
    reporter.publishEntry("workers_printed", printed.toString());
    if (call.result() != expected) {
      fail(Feedback.of(
          call.call() + " = " + expected + ", the sum of the numbers the workers printed",
          "the grader made each worker print its partial sum plus " + OFFSET + " (" + printed
              + "); compute returned " + call.result(),
          "read each child's standard output and add up those numbers: the result must come from the "
              + "worker processes, not from a computation in the parent."));
    }
  }

  @Test
  @DisplayName("a worker that fails: IOException whose message includes the worker's standard error")
  public void failingWorkerBecomesIOExceptionWithItsStderr(TestReporter reporter) {
    String marker = "grader-injected failure: this worker ran out of squares";
    ComputeCall call;
    List<Launch> launches;
    try (LaunchGate gate = LaunchGate.scripted(launch -> WorkerRange.of(launch)
        .filter(range -> range.contains(INJECT_AT))
        .map(range -> Answer.exit(3, "", marker + System.lineSeparator()))
        .orElse(Answer.proceed()), WORKER)) {
      call = ComputeCall.of(INJECT_N, INJECT_WORKERS);
      launches = gate.launches();
    }
    requireWorkers(call, launches);
    String failed = "the grader made the worker for the range holding " + INJECT_AT + " print \"" + marker
        + "\" on standard error and exit with status 3";
    if (!(call.thrown() instanceof IOException)) {
      fail(Feedback.of(
          call.call() + " to throw an IOException when a worker fails",
          failed + "; compute " + (call.thrown() == null
              ? "returned " + call.result()
              : "threw " + Feedback.describe(call.thrown(), studentCode)),
          "check every child's exit status (waitFor() returns it): if it is not 0, throw new "
              + "IOException(...) with what the child wrote to its standard error."));
    }
    String message = String.valueOf(call.thrown().getMessage());
    reporter.publishEntry("message", Feedback.readable(message));
    // The child's standard error starts with the launcher's note about JDK_JAVA_OPTIONS, which the
    // grader causes: a message that quotes only the start of it (its first line, say) still quotes it.
    if (!message.contains(marker) && !message.contains("Picked up JDK_JAVA_OPTIONS")) {
      fail(Feedback.of(
          "the IOException's message to include the failed worker's standard error",
          failed + "; the message was \"" + Feedback.readable(message) + "\"",
          "read the child's standard error (getErrorStream(), or redirect it to a file) and put it in "
              + "the exception's message: that is what tells the user why the worker failed."));
    }
  }

  @Test
  @DisplayName("a worker that prints something other than one integer: IOException")
  public void unparsableWorkerOutputBecomesIOException() {
    ComputeCall call;
    List<Launch> launches;
    try (LaunchGate gate = LaunchGate.scripted(launch -> WorkerRange.of(launch)
        .filter(range -> range.contains(INJECT_AT))
        .map(range -> Answer.exit(0, "forty-two" + System.lineSeparator(), "grader: injected output\n"))
        .orElse(Answer.proceed()), WORKER)) {
      call = ComputeCall.of(INJECT_N, INJECT_WORKERS);
      launches = gate.launches();
    }
    requireWorkers(call, launches);
    if (!(call.thrown() instanceof IOException)) {
      fail(Feedback.of(
          call.call() + " to throw an IOException when a worker prints something that is not an integer",
          "the grader made the worker for the range holding " + INJECT_AT + " print \"forty-two\" and exit 0; compute "
              + (call.thrown() == null
                  ? "returned " + call.result()
                  : "threw " + Feedback.describe(call.thrown(), studentCode)),
          "parse each child's output with Long.parseLong inside a try, and turn a NumberFormatException "
              + "into an IOException that says which worker printed what."));
    }
  }

  @ParameterizedTest(name = "SquareSumWorker {0} {1}")
  @CsvSource({"1, 25, 5525", "46341, 46341, 2147488281", "1, 2000000, 2666668666667000000"})
  @DisplayName("SquareSumWorker first last prints the sum of squares of its range and exits 0")
  public void workerPrintsTheSumOfSquaresOfItsRange(String first, String last, String expected) throws Exception {
    ChildJvmResult result = ChildJvm.run(WORKER, List.of(first, last), WORKER_TIMEOUT);
    String command = "java " + WORKER + " " + first + " " + last;
    String observed = describe(result);
    if (result.timedOut() || result.exitStatus() != 0 || !result.stdout().strip().equals(expected)
        || result.stdout().strip().lines().count() != 1) {
      fail(Feedback.of(
          command + " to print " + expected + " on one line and exit 0",
          observed,
          skeleton(result) ? "this is still the skeleton: replace the TODO in SquareSumWorker with your implementation."
              : result.exitStatus() != 0 && !result.timedOut()
              ? "the worker must succeed for valid arguments; see its standard error above."
              : "print the sum with System.out.println(sum), nothing else; sum the squares as longs, since "
                  + "i * i overflows an int from i = 46341 on."));
    }
  }

  @ParameterizedTest(name = "SquareSumWorker {0}")
  @CsvSource(value = {"''", "5", "1 2x", "0 5", "5 4"}, emptyValue = "")
  @DisplayName("SquareSumWorker with bad arguments: a message on standard error and exit status 2")
  public void workerRejectsBadArgumentsWithStatus2(String arguments) throws Exception {
    List<String> words = arguments.isBlank() ? List.of() : Arrays.asList(arguments.split(" "));
    ChildJvmResult result = ChildJvm.run(WORKER, words, WORKER_TIMEOUT);
    String command = "java " + WORKER + (words.isEmpty() ? " (no arguments)" : " " + arguments);
    if (result.timedOut() || result.exitStatus() != 2 || result.studentStderr().isBlank()
        || !result.stdout().isBlank()) {
      fail(Feedback.of(
          command + " to print a message on standard error, nothing on standard output, and exit with status 2",
          describe(result),
          skeleton(result) ? "this is still the skeleton: replace the TODO in SquareSumWorker with your implementation."
              : "check that there are exactly two integer arguments with 1 <= first <= last; otherwise "
              + "System.err.println(a message) and System.exit(2). An uncaught exception exits with status 1."));
    }
  }

  @ParameterizedTest(name = "compute({0}, {1})")
  @CsvSource({"0, 1", "-5, 2", "10, 0", "3, 4", "5, -1"})
  @DisplayName("rejects n < 1, workers < 1 and workers > n with IllegalArgumentException, starting no JVM")
  public void rejectsInvalidArgumentsWithoutStartingWorkers(int n, int workers) {
    ComputeCall call;
    List<Launch> launches;
    try (LaunchGate gate = LaunchGate.observe(WORKER)) {
      call = ComputeCall.of(n, workers);
      launches = gate.launches();
    }
    if (!(call.thrown() instanceof IllegalArgumentException)) {
      fail(Feedback.of(
          call.call() + " to throw IllegalArgumentException",
          call.thrown() == null
              ? "it returned " + call.result()
              : "it threw " + Feedback.describe(call.thrown(), studentCode),
          "check the arguments first: n >= 1, workers >= 1 and workers <= n (each worker needs at "
              + "least one number); otherwise throw new IllegalArgumentException(...)."));
    }
    if (!launches.isEmpty()) {
      fail(Feedback.of(
          "no worker JVM started for " + call.call(),
          launches.size() + " worker(s) were started first",
          "validate the arguments before starting any process."));
    }
  }

  @Test
  @DisplayName("main prints 338350 on a line of its own")
  public void mainPrints338350() {
    Throwable thrown = null;
    List<String> lines;
    try (StandardOutCapture capture = StandardOutCapture.start()) {
      try {
        SquareSum.main(new String[0]);
      } catch (Throwable e) {
        thrown = e;
      }
      lines = capture.recorder().texts();
    }
    if (thrown != null) {
      fail(Feedback.of("SquareSum.main to return normally", "it threw " + Feedback.describe(thrown, studentCode),
          Feedback.hintFor(thrown)));
    }
    if (lines.stream().noneMatch(line -> line.strip().equals("338350"))) {
      fail(Feedback.of(
          "a line \"338350\" printed by main",
          lines.isEmpty() ? "main printed nothing" : "main printed " + lines.stream().limit(5)
              .map(l -> "\"" + l + "\"").collect(Collectors.joining(", ")),
          "main prints compute(100, 4) with System.out.println, nothing else on that line."));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void requireSum(ComputeCall call) {
    requireReturned(call);
    BigInteger expected = ComputeCall.sumOfSquares(call.n());
    if (!BigInteger.valueOf(call.result()).equals(expected)) {
      fail(Feedback.of(
          call.call() + " = " + expected + (call.n() > 2 ? " (1² + 2² + ... + " + call.n() + "²)" : ""),
          "it returned " + call.result(),
          "every number 1..n must be in exactly one worker's range, and the workers' results must all "
              + "be added up; try your split on paper for this n and number of workers."));
    }
  }

  private void requireReturned(ComputeCall call) {
    if (call.thrown() != null) {
      fail(Feedback.of(
          call.call() + " to return normally",
          "it threw " + Feedback.describe(call.thrown(), studentCode),
          Feedback.hintFor(call.thrown())));
    }
  }

  /** Fails unless the call started at least one worker JVM, explaining what happened instead. */
  private void requireWorkers(ComputeCall call, List<Launch> launches) {
    if (!launches.isEmpty()) {
      return;
    }
    String outcome = call.thrown() == null
        ? "compute returned " + call.result()
        : "compute threw " + Feedback.describe(call.thrown(), studentCode);
    fail(Feedback.of(
        call.call() + " to start " + call.workers() + " child JVMs with main class " + WORKER,
        "no such JVM was started; " + outcome,
        call.thrown() instanceof UnsupportedOperationException
            ? Feedback.hintFor(call.thrown())
            : "start each worker with new ProcessBuilder(java, \"-cp\", System.getProperty(\"java.class.path\"), "
                + "\"" + WORKER + "\", first, last).start(), where java is java.home/bin/java; threads "
                + "are not processes."));
  }

  private static List<WorkerRange> requireRanges(ComputeCall call, List<Launch> launches) {
    List<WorkerRange> ranges = new ArrayList<>();
    for (Launch launch : launches) {
      Optional<WorkerRange> range = WorkerRange.of(launch);
      if (range.isEmpty()) {
        fail(Feedback.of(
            "each worker of " + call.call() + " started with two integer arguments: first last",
            "a worker was started with the arguments " + launch.arguments(),
            "pass the range as two separate arguments after the main class: ..., \"" + WORKER
                + "\", String.valueOf(first), String.valueOf(last)."));
      }
      ranges.add(range.get());
    }
    return ranges;
  }

  private static String evenSizes(int n, int workers) {
    List<String> sizes = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      sizes.add(Integer.toString(n / workers + (i < n % workers ? 1 : 0)));
    }
    return "sizes " + String.join(", ", sizes);
  }

  private static boolean skeleton(ChildJvmResult result) {
    return result.stderr().contains("UnsupportedOperationException: TODO");
  }

  private static String describe(ChildJvmResult result) {
    if (result.timedOut()) {
      return "it was still running after " + WORKER_TIMEOUT.toSeconds() + " s and was killed";
    }
    return "exit status " + result.exitStatus() + ", standard output " + quote(result.stdout())
        + ", standard error " + quote(result.studentStderr());
  }

  private static String quote(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return "empty";
    }
    String shown = stripped.length() > 300 ? stripped.substring(0, 300) + "..." : stripped;
    return "\"" + shown.replace("\n", "\\n") + "\"";
  }
}
