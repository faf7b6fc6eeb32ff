package grader.suites.threads;

import static org.junit.jupiter.api.Assertions.fail;

import exercises.threads.SleepyThreads;
import grader.suites.support.Feedback;
import grader.suites.support.LineRecorder;
import grader.suites.support.LineRecorder.Line;
import grader.suites.support.StandardOutCapture;
import grader.suites.support.StudentCode;
import grader.suites.support.StudentThreads;
import grader.suites.support.Submission;
import grader.suites.support.Timeline;
import grader.suites.threads.SleepyRun.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 1: {@code SleepyThreads.run(count, min, max, random, out)} starts {@code count} threads
 * that sleep at the same time and print {@code Thread <i> slept <d> ms} afterwards.
 *
 * <p>Concurrency is judged by observation, never by a stopwatch: a {@link LineRecorder} notes which
 * thread printed each line and when, a {@link grader.suites.support.ThreadSampler} notes which
 * threads were asleep in the student's code at each moment. Times are used only as physical lower
 * bounds (a line that reports a sleep of d ms cannot appear less than d ms after the call).
 */
@DisplayName("Exercise 1 (threads): sleepy threads")
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class SleepyThreadsSuite {
  /** Seeds whose durations differ under every plausible way of drawing (checked when the suite was written). */
  private static final long SEED_A = 20_241_101L;
  private static final long SEED_B = 20_241_102L;
  /** A seed for which every plausible formula draws both ends of a two-value range in 40 draws. */
  private static final long SEED_RANGE = 4_242L;
  /** Observations of the overlap test at most: see {@link #overlapFailure}. */
  private static final int OVERLAP_ATTEMPTS = 3;

  private final StudentCode studentCode = StudentCode.ofSubmission();
  /** Constructed with the suite, so before any test runs student code (see {@link StudentThreads#ofThisJvm}). */
  private final StudentThreads students = StudentThreads.ofThisJvm();

  @ParameterizedTest(name = "count = {0}")
  @ValueSource(ints = {1, 5, 20})
  @DisplayName("prints one line per thread, exactly \"Thread <i> slept <d> ms\", numbered 1..count")
  public void printsOneLinePerThreadInTheExactFormat(int count, TestReporter reporter) {
    SleepyRun run = SleepyRun.observe(students, count, 50, 150, new Random(1_000 + count));
    requireReturned(run);
    List<Line> lines = run.lines();
    reporter.publishEntry("lines", Integer.toString(lines.size()));
    requireSomeLines(run);
    List<String> wrong = lines.stream().map(Line::text).filter(t -> !SleepyRun.EXACT.matcher(t).matches()).toList();
    if (!wrong.isEmpty()) {
      fail(Feedback.of(
          "every line exactly like \"Thread 3 slept 120 ms\", i.e. \"Thread <i> slept <d> ms\"",
          wrong.size() + " of " + lines.size() + " lines differ, e.g. \"" + wrong.get(0) + "\"",
          "print \"Thread \" + i + \" slept \" + d + \" ms\" with println: no other words, punctuation, "
              + "padding or extra lines."));
    }
    if (lines.size() != count) {
      fail(Feedback.of(
          "exactly " + count + " lines for " + run.call(),
          lines.size() + " lines: " + run.sample(5),
          "one thread per number 1.." + count + ", and each thread prints exactly one line."));
    }
    Map<Integer, Long> numbers = lines.stream()
        .map(l -> SleepyRun.lenient(l).orElseThrow().number())
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    List<Integer> expected = IntStream.rangeClosed(1, count).boxed().toList();
    if (!numbers.keySet().equals(Set.copyOf(expected)) || numbers.values().stream().anyMatch(n -> n != 1)) {
      fail(Feedback.of(
          "each thread number 1.." + count + " exactly once",
          "thread numbers printed (number=times): " + numbers,
          "number the threads 1 to count (not 0 to count-1), and give each thread its own number: a "
              + "lambda must capture a copy of the loop variable, e.g. int number = i + 1;"));
    }
  }

  @Test
  @DisplayName("prints each line from its own new thread, never from the thread that called run")
  public void printsEachLineFromItsOwnNewThread(TestReporter reporter) {
    // Twice: threads kept from the first call (a pool in a static field) show up in the second.
    requireReturned(SleepyRun.observe(students, 2, 50, 100, new Random(1_999)));
    SleepyRun run = SleepyRun.observe(students, 5, 100, 200, new Random(2_000));
    requireReturned(run);
    requireSomeLines(run);
    List<Line> lines = run.lines();
    long byCaller = lines.stream().filter(l -> l.thread() == run.caller).count();
    Set<Thread> printers = lines.stream().map(Line::thread).collect(Collectors.toSet());
    reporter.publishEntry("printing_threads", Integer.toString(printers.size()));
    if (byCaller > 0) {
      fail(Feedback.of(
          "every line printed by one of the threads that run started",
          byCaller + " of " + lines.size() + " lines were printed by the thread that called run (\""
              + run.caller.getName() + "\") itself",
          "thread.run() is an ordinary method call: the code runs on the calling thread, one after the "
              + "other. thread.start() runs it on the new thread."));
    }
    if (printers.size() != lines.size()) {
      fail(Feedback.of(
          lines.size() + " lines from " + lines.size() + " different threads",
          lines.size() + " lines came from " + printers.size() + " thread(s): " + names(printers),
          "create one new Thread per line (or a pool with one thread per task), not a few threads "
              + "that each print several lines."));
    }
    List<Thread> old = printers.stream().filter(t -> run.threadsAliveBefore.contains(t.getId())).toList();
    if (!old.isEmpty()) {
      fail(Feedback.of(
          "threads started by this call of run",
          old.size() + " printing thread(s) existed before run was called: " + names(old),
          "start new threads in each call of run: a pool kept in a static field reuses old threads; "
              + "create the threads (or the executor, and shut it down) inside run."));
    }
  }

  @Test
  @DisplayName("has all threads asleep at the same moment")
  public void sleepsAllThreadsAtTheSameTime(TestReporter reporter) {
    int count = 6;
    String failure = null;
    for (int attempt = 1; attempt <= OVERLAP_ATTEMPTS; attempt++) {
      SleepyRun run = SleepyRun.observeSleepers(students, count, 250, 500, new Random(3_000 + attempt));
      Timeline.publish(reporter, () -> SleepyTimeline.of(run));
      requireReturned(run);
      requireSomeLines(run);
      requireOneThreadPerLine(run, count);
      reporter.publishEntry("attempts", Integer.toString(attempt));
      Optional<String> shortfall = overlapFailure(run, count, reporter);
      if (shortfall.isEmpty()) {
        return;
      }
      failure = shortfall.get();
    }
    fail(failure);
  }

  /** Fails unless the lines came from {@code count} threads: no second look can change that. */
  private static void requireOneThreadPerLine(SleepyRun run, int count) {
    List<Line> lines = run.lines();
    List<Thread> printers = lines.stream().map(Line::thread).distinct().toList();
    if (printers.size() < count) {
      fail(Feedback.of(
          count + " threads, each printing its line after sleeping, all asleep at the same moment",
          "the " + lines.size() + " lines came from only " + printers.size() + " thread(s): " + names(printers),
          "start one new thread per line with thread.start(); thread.run() or a plain loop runs the "
              + "sleeps one after the other on one thread."));
    }
  }

  /**
   * Why one observation does not show all threads asleep together, or empty if it does. A sleeping
   * thread can only be missed when the sampler itself was held up (a busy machine); that is why a
   * shortfall here earns another observation, while nothing can make a sequential solution pass.
   */
  private static Optional<String> overlapFailure(SleepyRun run, int count, TestReporter reporter) {
    List<Line> lines = run.lines();
    List<Thread> printers = lines.stream().map(Line::thread).distinct().toList();
    List<Long> ids = printers.stream().map(Thread::getId).toList();
    int together = run.sampler().maxAsleepTogether(ids);
    long firstLine = lines.stream().mapToLong(Line::nanoTime).min().orElseThrow();
    long lastLine = lines.stream().mapToLong(Line::nanoTime).max().orElseThrow();
    long gapMillis = run.sampler().longestGap(run.calledNanos, lastLine).toMillis();
    reporter.publishEntry("max_concurrent_sleepers", Integer.toString(together));
    reporter.publishEntry("samples", Integer.toString(run.sampler().sampleCount()));
    reporter.publishEntry("longest_sample_gap_ms", Long.toString(gapMillis));
    List<Thread> neverAsleep = printers.stream()
        .filter(t -> run.sampler().firstSeenAsleep(t.getId()).isEmpty()).toList();
    if (!neverAsleep.isEmpty()) {
      return Optional.of(Feedback.of(
          "each of the " + count + " threads seen sleeping (Thread.sleep) in your code before it printed",
          neverAsleep.size() + " of " + printers.size() + " threads were never seen sleeping, e.g. \""
              + neverAsleep.get(0).getName() + "\" (" + run.sampler().sampleCount() + " samples; the last of "
              + OVERLAP_ATTEMPTS + " runs)",
          "make each thread wait with Thread.sleep(d); a busy loop that watches the clock keeps a CPU "
              + "busy and does not sleep."));
    }
    if (together == count) {
      return Optional.empty();
    }
    // Each thread sleeps from when it was first seen asleep until it prints. If the last of them was
    // seen asleep before the first line, all slept together then: a proof that needs no single
    // sample to catch all of them at once.
    long lastFallingAsleep = printers.stream()
        .mapToLong(t -> run.sampler().firstSeenAsleep(t.getId()).orElseThrow()).max().orElseThrow();
    if (lastFallingAsleep < firstLine) {
      return Optional.empty();
    }
    return Optional.of(Feedback.of(
        "all " + count + " threads asleep at the same moment",
        "at most " + together + " of them were asleep at once (" + run.sampler().sampleCount()
            + " samples; the last of " + OVERLAP_ATTEMPTS + " runs); the first line was printed " + (firstLine - run.calledNanos) / 1_000_000
            + " ms after the call, before the last thread fell asleep at "
            + (lastFallingAsleep - run.calledNanos) / 1_000_000 + " ms",
        "start all threads in one loop, then join them in a second loop. A join() right after "
            + "start() waits for that thread to finish before the next one even starts."));
  }

  @Test
  @DisplayName("prints each line only after its thread has slept")
  public void printsOnlyAfterSleeping(TestReporter reporter) {
    SleepyRun run = SleepyRun.observe(students, 5, 150, 400, new Random(4_000));
    requireReturned(run);
    requireSomeLines(run);
    List<Report> reports = requireReports(run);
    long smallestMargin = Long.MAX_VALUE;
    Report earliest = null;
    for (Report report : reports) {
      // Thread.sleep(d) cannot end sooner than d ms after the call; 1 ms allows for rounding.
      long margin = run.millisSinceCall(report.line()) - report.millis();
      if (margin < smallestMargin) {
        smallestMargin = margin;
        earliest = report;
      }
    }
    reporter.publishEntry("smallest_margin_ms", Long.toString(smallestMargin));
    if (smallestMargin < -1) {
      fail(Feedback.of(
          "each line printed at least d ms after run was called, since its thread first sleeps d ms",
          "\"" + earliest.line().text() + "\" was printed " + run.millisSinceCall(earliest.line())
              + " ms after run was called",
          "sleep first, then print: the line reports a sleep that has already happened, and it must "
              + "print the duration the thread really slept."));
    }
  }

  @Test
  @DisplayName("draws the durations from the given Random, within [minMillis, maxMillis]")
  public void drawsDurationsFromTheGivenRandom(TestReporter reporter) {
    int count = 8;
    int min = 20;
    int max = 120;
    CountingRandom first = new CountingRandom(SEED_A);
    List<Long> a1 = durations(SleepyRun.observe(students, count, min, max, first));
    List<Long> a2 = durations(SleepyRun.observe(students, count, min, max, new CountingRandom(SEED_A)));
    List<Long> b = durations(SleepyRun.observe(students, count, min, max, new CountingRandom(SEED_B)));
    reporter.publishEntry("draws", Integer.toString(first.calls()));
    if (first.calls() < count) {
      fail(Feedback.of(
          "at least " + count + " values drawn from the Random passed to run(" + count + ", ...)",
          first.calls() == 0 ? "the Random passed in was never used" : "only " + first.calls() + " draw(s) from it",
          "draw every duration with the random parameter, e.g. minMillis + random.nextInt(maxMillis - "
              + "minMillis + 1); Math.random(), ThreadLocalRandom or a new Random() ignore the caller's seed."));
    }
    List<Long> outside = new ArrayList<>();
    for (List<Long> durations : List.of(a1, a2, b)) {
      durations.stream().filter(d -> d < min || d > max).forEach(outside::add);
    }
    if (!outside.isEmpty()) {
      fail(Feedback.of(
          "every duration within [" + min + ", " + max + "]",
          "durations outside it: " + outside,
          "minMillis + random.nextInt(maxMillis - minMillis + 1) lies in [minMillis, maxMillis]."));
    }
    if (!a1.equals(a2)) {
      fail(Feedback.of(
          "the same durations for two runs with Random(" + SEED_A + ")",
          "first " + a1 + ", then " + a2,
          "take every duration from the random parameter and nothing else: the caller passes a seeded "
              + "Random to get reproducible runs."));
    }
    if (a1.equals(b)) {
      fail(Feedback.of(
          "different durations for Random(" + SEED_A + ") and Random(" + SEED_B + ")",
          "both gave " + a1,
          "the durations must be drawn from the Random, not fixed or computed from the thread number."));
    }
  }

  @Test
  @DisplayName("draws both ends of the range: minMillis and maxMillis are included")
  public void drawsBothEndsOfTheRange(TestReporter reporter) {
    int count = 40;
    int min = 30;
    int max = 31;
    List<Long> durations = durations(SleepyRun.observe(students, count, min, max, new CountingRandom(SEED_RANGE)));
    Map<Long, Long> drawn = durations.stream()
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    reporter.publishEntry("drawn", drawn.toString());
    if (!drawn.keySet().equals(Set.of((long) min, (long) max))) {
      fail(Feedback.of(
          "with run(" + count + ", " + min + ", " + max + ", ...), both " + min + " and " + max
              + " among the durations (the range includes both ends)",
          "durations drawn (value=times): " + drawn,
          "random.nextInt(bound) returns 0..bound-1, never bound itself: to include maxMillis draw "
              + "minMillis + random.nextInt(maxMillis - minMillis + 1)."));
    }
  }

  @Test
  @DisplayName("works when minMillis equals maxMillis")
  public void acceptsMinEqualToMax() {
    SleepyRun run = SleepyRun.observe(students, 3, 120, 120, new Random(7_000));
    requireReturned(run);
    List<Long> durations = durations(run);
    if (durations.size() != 3 || durations.stream().anyMatch(d -> d != 120)) {
      fail(Feedback.of(
          "3 lines, each reporting 120 ms, for " + run.call(),
          "durations " + durations,
          "when minMillis == maxMillis there is exactly one possible duration; note that "
              + "random.nextInt(0) throws."));
    }
  }

  @Test
  @DisplayName("returns only after every thread has printed, and nothing is printed afterwards")
  public void returnsOnlyAfterEveryLineIsPrinted(TestReporter reporter) {
    int count = 6;
    int max = 300;
    for (long seed : new long[] {8_001, 8_002}) {
      SleepyRun run = SleepyRun.observe(students, count, 100, max, new CountingRandom(seed));
      requireReturned(run);
      requireSomeLines(run);
      reporter.publishEntry("lines_at_return", Integer.toString(run.linesAtReturn));
      if (run.linesAtReturn < count) {
        fail(Feedback.of(
            "all " + count + " lines printed before " + run.call() + " returns",
            "run returned " + (run.returnedNanos - run.calledNanos) / 1_000_000 + " ms after the call with "
                + run.linesAtReturn + " of " + count + " lines printed; " + (run.out.lineCount() - run.linesAtReturn)
                + " came later",
            "after starting all threads, join() every one of them before returning."));
      }
      int atReturn = run.linesAtReturn;
      // Nothing more for max + 200 ms, or until every thread the student's code started has ended:
      // a thread that has ended prints nothing, so waiting longer could not change the verdict.
      long deadline = System.nanoTime() + Duration.ofMillis(Submission.scaled(max + 1_500L)).toNanos();
      students.awaitEnd(Duration.ofMillis(max + 200L), () -> run.out.lineCount() != atReturn, Set.of());
      if (run.out.lineCount() != atReturn) {
        // Let the rest of the late lines come in (as long as before), so the message shows them.
        students.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> false, Set.of());
        fail(Feedback.of(
            "no line printed after run returned",
            (run.out.lineCount() - atReturn) + " line(s) printed after run returned: " + run.sample(count + 3),
            "every thread must have printed its single line by the time run returns: join them all."));
      }
    }
  }

  @ParameterizedTest(name = "run({0}, {1}, {2}, ...)")
  @CsvSource({"0, 100, 200", "-1, 100, 200", "2, -100, -50", "3, 200, 100"})
  @DisplayName("rejects count < 1, minMillis < 0 and maxMillis < minMillis with IllegalArgumentException")
  public void rejectsInvalidArguments(int count, int min, int max) {
    SleepyRun run = SleepyRun.observe(students, count, min, max, new CountingRandom(9_000), Duration.ofMillis(300));
    if (!(run.thrown instanceof IllegalArgumentException)) {
      String observed = run.thrown == null
          ? "it returned normally" + (run.out.lineCount() > 0 ? " after printing " + run.sample(3) : "")
              + (run.uncaught.isEmpty() ? "" : "; threads died with " + run.uncaught.get(0))
          : "it threw " + Feedback.describe(run.thrown, studentCode);
      fail(Feedback.of(
          run.call() + " to throw IllegalArgumentException",
          observed,
          "check the arguments before starting anything: if (count < 1) throw new "
              + "IllegalArgumentException(\"count must be at least 1, was \" + count); likewise for "
              + "minMillis < 0 and maxMillis < minMillis."));
    }
    if (run.out.lineCount() > 0) {
      fail(Feedback.of(
          "nothing printed when the arguments are invalid",
          run.sample(3),
          "validate the arguments first, before starting any thread."));
    }
  }

  @Test
  @DisplayName("main prints five thread lines, then \"All threads completed\"")
  public void mainPrintsFiveLinesThenAllThreadsCompleted() {
    Throwable thrown = null;
    LineRecorder printed;
    try (StandardOutCapture capture = StandardOutCapture.start()) {
      printed = capture.recorder();
      try {
        SleepyThreads.main(new String[0]);
      } catch (Throwable e) {
        thrown = e;
      }
      // A main that returns too early prints its thread lines afterwards; wait for them (or for its
      // threads to end), so the message can say what came in which order.
      Duration settle = thrown == null ? Duration.ofMillis(2_500) : Duration.ofMillis(300);
      students.awaitEnd(Duration.ofMillis(Submission.scaled(settle.toMillis())), () -> printed.lineCount() >= 6,
          Set.of());
    }
    if (thrown != null) {
      fail(Feedback.of("SleepyThreads.main to return normally", "it threw " + Feedback.describe(thrown, studentCode),
          Feedback.hintFor(thrown)));
    }
    List<String> texts = printed.texts();
    String observed = texts.size() + " line(s): " + quoted(texts);
    if (texts.isEmpty() || !texts.get(texts.size() - 1).equals("All threads completed")) {
      fail(Feedback.of(
          "\"All threads completed\" as the last line main prints",
          observed,
          "main calls run(5, 100, 2000, new Random(), System.out) and then prints All threads completed; "
              + "run must not return before its threads have printed."));
    }
    List<Report> reports = new ArrayList<>();
    for (Line line : printed.lines().subList(0, texts.size() - 1)) {
      SleepyRun.lenient(line).ifPresent(reports::add);
    }
    Set<Integer> numbers = reports.stream().map(Report::number).collect(Collectors.toSet());
    boolean inRange = reports.stream().allMatch(r -> r.millis() >= 100 && r.millis() <= 2000);
    if (texts.size() != 6 || reports.size() != 5 || !numbers.equals(Set.of(1, 2, 3, 4, 5)) || !inRange) {
      fail(Feedback.of(
          "5 lines \"Thread <i> slept <d> ms\" for i = 1..5 with d in [100, 2000], then \"All threads completed\"",
          observed,
          "main calls run(5, 100, 2000, new Random(), System.out) and then prints All threads completed, nothing else."));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void requireReturned(SleepyRun run) {
    if (run.thrown != null) {
      fail(Feedback.of(
          run.call() + " to return normally",
          "it threw " + Feedback.describe(run.thrown, studentCode),
          Feedback.hintFor(run.thrown)));
    }
  }

  private static void requireSomeLines(SleepyRun run) {
    if (run.out.lineCount() > 0) {
      return;
    }
    String observed = "no line on out";
    String hint = "each thread prints its line to the PrintStream out that run receives, with out.println.";
    if (run.systemOut.lineCount() > 0) {
      observed += ", but " + run.systemOut.lineCount() + " line(s) on System.out, e.g. \""
          + run.systemOut.texts().get(0) + "\"";
      hint = "print to the out parameter, not to System.out: the caller decides where the lines go.";
    } else if (!run.out.unfinished().isEmpty()) {
      observed += "; text without a line end: \"" + run.out.unfinished().values().iterator().next() + "\"";
      hint = "end each line: out.println(...) rather than out.print(...).";
    } else if (!run.uncaught.isEmpty()) {
      observed += "; threads died with " + run.uncaught.get(0);
      hint = "an exception ended the thread before it printed; see the message above.";
    }
    fail(Feedback.of(run.count + " lines on out for " + run.call(), observed, hint));
  }

  private static List<Report> requireReports(SleepyRun run) {
    return run.reports().orElseGet(() -> fail(Feedback.of(
        "lines like \"Thread 3 slept 120 ms\" from which the thread number and duration can be read",
        run.sample(3),
        "print \"Thread \" + i + \" slept \" + d + \" ms\"; the format test tells more.")));
  }

  /** The durations printed by a run, sorted; fails if the run threw or printed no readable lines. */
  private List<Long> durations(SleepyRun run) {
    requireReturned(run);
    requireSomeLines(run);
    return requireReports(run).stream().map(Report::millis).sorted().toList();
  }

  private static String names(Collection<Thread> threads) {
    return threads.stream().map(t -> "\"" + t.getName() + "\"").limit(6).collect(Collectors.joining(", "));
  }

  private static String quoted(List<String> texts) {
    return texts.stream().limit(8).map(t -> "\"" + t + "\"").collect(Collectors.joining(", "))
        + (texts.size() > 8 ? ", ..." : "");
  }
}
