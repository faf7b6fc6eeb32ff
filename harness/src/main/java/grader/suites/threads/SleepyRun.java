package grader.suites.threads;

import exercises.threads.SleepyThreads;
import grader.suites.support.LineRecorder;
import grader.suites.support.LineRecorder.Line;
import grader.suites.support.StandardOutCapture;
import grader.suites.support.StudentCode;
import grader.suites.support.StudentThreads;
import grader.suites.support.Submission;
import grader.suites.support.ThreadSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One call of the student's {@code SleepyThreads.run} under observation: the lines it printed (with
 * thread and time), the threads a sampler saw asleep (if asked for), when it was called and when it returned,
 * and what it threw.
 *
 * <p>After {@code run} returns, the observation goes on until every expected line is there, no
 * thread the student's code started is alive any more ({@link StudentThreads}: then no line can
 * follow), or a generous settle time has passed, so a solution that returns too early is still
 * judged on all its lines by the other tests; only {@link #linesAtReturn} tells that it returned
 * early.
 */
final class SleepyRun {
  /** The exact line the contract asks for. */
  static final Pattern EXACT = Pattern.compile("Thread ([1-9][0-9]*) slept (0|[1-9][0-9]*) ms");
  /** Any line with two integers: read leniently so one test's format check is not every test's. */
  private static final Pattern LENIENT = Pattern.compile("(-?[0-9]+)[^0-9-]+(-?[0-9]+)");
  /**
   * Sampling period: sleeps of 250 ms and more give dozens of samples each. Not shorter: every
   * sample is a safepoint, and on a starved machine a safepoint can hold all threads for a while.
   */
  private static final Duration SAMPLE_PERIOD = Duration.ofMillis(3);

  /** A printed line read leniently: thread number and duration. */
  record Report(int number, long millis, Line line) {}

  final int count;
  final int minMillis;
  final int maxMillis;
  final Thread caller;
  final Set<Long> threadsAliveBefore;
  final long calledNanos;
  final long returnedNanos;
  final Throwable thrown;
  final int linesAtReturn;
  final LineRecorder out;
  final LineRecorder systemOut;
  /** Null unless the run was observed with {@link #observeSleepers}. */
  private final ThreadSampler sampler;
  final List<String> uncaught;

  private SleepyRun(int count, int minMillis, int maxMillis, Thread caller, Set<Long> threadsAliveBefore,
      long calledNanos, long returnedNanos, Throwable thrown, int linesAtReturn, LineRecorder out,
      LineRecorder systemOut, ThreadSampler sampler, List<String> uncaught) {
    this.count = count;
    this.minMillis = minMillis;
    this.maxMillis = maxMillis;
    this.caller = caller;
    this.threadsAliveBefore = threadsAliveBefore;
    this.calledNanos = calledNanos;
    this.returnedNanos = returnedNanos;
    this.thrown = thrown;
    this.linesAtReturn = linesAtReturn;
    this.out = out;
    this.systemOut = systemOut;
    this.sampler = sampler;
    this.uncaught = uncaught;
  }

  /** Calls {@code run(count, min, max, random, out)} and waits for stragglers up to max + 2 s. */
  static SleepyRun observe(StudentThreads students, int count, int minMillis, int maxMillis, Random random) {
    return observe(students, count, minMillis, maxMillis, random, straggling(maxMillis), false);
  }

  /**
   * Calls {@code run(count, min, max, random, out)}; afterwards waits until {@code count} lines are
   * there, no thread of the student's is alive, or {@code settle} (scaled) has passed.
   */
  static SleepyRun observe(StudentThreads students, int count, int minMillis, int maxMillis, Random random,
      Duration settle) {
    return observe(students, count, minMillis, maxMillis, random, settle, false);
  }

  /**
   * Like {@link #observe(int, int, int, Random)}, with a {@link ThreadSampler} watching which threads
   * sleep. Only the test that needs it samples: each sample is a safepoint, which on a starved
   * machine can hold every thread for a while.
   */
  static SleepyRun observeSleepers(StudentThreads students, int count, int minMillis, int maxMillis, Random random) {
    return observe(students, count, minMillis, maxMillis, random, straggling(maxMillis), true);
  }

  private static Duration straggling(int maxMillis) {
    return Duration.ofMillis(Math.max(0, maxMillis) + 2_000L);
  }

  private static SleepyRun observe(StudentThreads students, int count, int minMillis, int maxMillis, Random random,
      Duration settle, boolean sampled) {
    LineRecorder out = LineRecorder.create();
    List<String> uncaught = Collections.synchronizedList(new ArrayList<>());
    Thread caller = Thread.currentThread();
    Set<Long> aliveBefore = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    // Record, don't print: a student's thread that dies is feedback, not noise in the harness's log.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(thread.getName() + ": " + e));
    ThreadSampler sampler = sampled
        ? ThreadSampler.start(StudentCode.ofSubmission(), Set.of(caller.getId()), SAMPLE_PERIOD)
        : null;
    long called;
    long returned;
    Throwable thrown = null;
    int linesAtReturn;
    try (StandardOutCapture systemOut = StandardOutCapture.start()) {
      called = System.nanoTime();
      try {
        SleepyThreads.run(count, minMillis, maxMillis, random, out);
      } catch (Throwable e) {
        thrown = e;
      }
      returned = System.nanoTime();
      linesAtReturn = out.lineCount();
      // A call that threw is not expected to print; a short look suffices to catch stray lines.
      Duration limit = thrown == null ? settle : Duration.ofMillis(Math.min(300, settle.toMillis()));
      students.awaitEnd(Duration.ofMillis(Submission.scaled(limit.toMillis())), () -> out.lineCount() >= count,
          sampler == null ? Set.of() : Set.of(sampler.threadId()));
      return new SleepyRun(count, minMillis, maxMillis, caller, aliveBefore, called, returned, thrown,
          linesAtReturn, out, systemOut.recorder(), sampler, List.copyOf(uncaught));
    } finally {
      if (sampler != null) {
        sampler.close();
      }
      Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }
  }

  /** What the sampler saw; only for runs observed with {@link #observeSleepers}. */
  ThreadSampler sampler() {
    if (sampler == null) {
      throw new IllegalStateException("this run was observed without a sampler: use observeSleepers");
    }
    return sampler;
  }

  /** The arguments as the student sees them, for messages. */
  String call() {
    return "run(" + count + ", " + minMillis + ", " + maxMillis + ", random, out)";
  }

  List<Line> lines() {
    return out.lines();
  }

  /** Every line read leniently, or empty if some line has no two integers. */
  Optional<List<Report>> reports() {
    List<Report> reports = new ArrayList<>();
    for (Line line : out.lines()) {
      Optional<Report> report = lenient(line);
      if (report.isEmpty()) {
        return Optional.empty();
      }
      reports.add(report.get());
    }
    return Optional.of(reports);
  }

  static Optional<Report> lenient(Line line) {
    Matcher m = LENIENT.matcher(line.text());
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Report(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), line));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  long millisSinceCall(Line line) {
    return (line.nanoTime() - calledNanos) / 1_000_000;
  }

  /** Up to {@code limit} of the printed lines, quoted, for messages. */
  String sample(int limit) {
    List<String> texts = out.texts();
    if (texts.isEmpty()) {
      return "(no lines)";
    }
    String shown = texts.stream().limit(limit).map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
    return texts.size() > limit ? shown + ", ... (" + texts.size() + " lines)" : shown;
  }
}
