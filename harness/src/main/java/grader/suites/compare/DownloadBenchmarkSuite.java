package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.fail;

import exercises.compare.DownloadBenchmark;
import grader.suites.support.Feedback;
import grader.suites.support.ServerGate;
import grader.suites.support.StandardOutCapture;
import grader.suites.support.StubServer;
import grader.suites.support.StudentCall;
import grader.suites.support.Submission;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Exercise 4: {@code DownloadBenchmark.main} prints a table of real measurements.
 *
 * <p>The grader runs {@code main} once on a delayed URL and times it. Numbers cannot be made up:
 * each is at least the server's shortest delay (a physical lower bound), the server's journal shows
 * the URL fetched at least 3 models x 3 runs times, min + median + max of a model is the sum of its
 * 3 runs, so the nine runs together cannot exceed the wall time the grader measured around main,
 * and every number must be the time of a run the server saw ({@link RunWindows}): the server keeps
 * each request for a different time, in an order drawn afresh for every grading, so a number that
 * was not measured fits no run. A run is its row's model's only if the request arrived while that
 * model's {@code downloadAll} was running ({@link ModelFrames}, looked at as each request arrives),
 * so plain GETs, or one model's runs printed under three names, fit no row.
 */
@DisplayName("Exercise 4 (compare): DownloadBenchmark")
@TestInstance(Lifecycle.PER_CLASS)
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
public class DownloadBenchmarkSuite {

  private static final String SCENARIO = "bench";
  /** One URL: the processes model starts a JVM per URL and run, and one suffices to prove real numbers. */
  private static final int URLS = 1;
  private static final int RUNS = 9;
  /**
   * Every download of a bench URL takes at least this long: nothing can measure less. No correct
   * table depends on how long: each number of one is a run's own time, inside its window by
   * causality; the stays only make a number that was not measured fit no run. The nine stays are
   * what main cannot go below, on the longest part of the grading (2.3 s; 3.5 s with 150 + n' * 60).
   */
  private static final int DELAY_MILLIS = (int) Submission.scaled(100);
  /** The server keeps the n-th request DELAY_MILLIS + n' * this long, n' a random permutation. */
  private static final int DELAY_STEP_MILLIS = (int) Submission.scaled(40);
  /** Rounding each of the 9 runs up to whole milliseconds, with room to spare. */
  private static final long ROUNDING_SLACK_MILLIS = 25;

  private final ServerGate gate = new ServerGate();
  private final ServedFiles files = ServedFiles.generate();
  private StubServer server;
  private Run run;

  /** One run of the student's benchmark as the grader saw it. */
  private record Run(String printed, long wallMillis, Throwable thrown, List<URI> urls, Map<String, Long> requests,
      RunWindows windows) {}

  @BeforeAll
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  public void startServer() throws Exception {
    server = StubServer.start(gate);
    // No delay in the stub: the gate keeps each request as long as the test decides (see benchmark()).
    files.stubDelayed(server, SCENARIO, URLS, 0);
    server.warmUp();
  }

  @AfterAll
  public void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("DownloadBenchmark prints a Markdown table with a row each for threads, processes and async")
  public void benchmarkPrintsOneRowPerModel(TestReporter reporter) {
    Run result = benchmark();
    Map<String, BenchmarkTable.Row> rows = BenchmarkTable.rows(result.printed());
    reporter.publishEntry("rows", rows.values().toString());
    if (rows.size() != BenchmarkTable.MODELS.size()) {
      fail(Feedback.of(
          "a Markdown table | model | median ms | min ms | max ms | with the rows threads, processes and async, "
              + "each with three numbers",
          "rows found: " + rows.keySet() + "; main printed " + quote(result.printed()),
          "print one line per model, e.g. System.out.printf(\"| %s | %d | %d | %d |%n\", name, median, min, max)."));
    }
    for (BenchmarkTable.Row row : rows.values()) {
      if (!row.ordered()) {
        fail(Feedback.of("min <= median <= max in every row", "the row " + row,
            "sort the 3 times of a model: min is the first, the median the middle one, max the last."));
      }
    }
  }

  @Test
  @DisplayName("DownloadBenchmark: the numbers are real measurements of 3 runs per model")
  public void benchmarkNumbersAreMeasured(TestReporter reporter) {
    Run result = benchmark();
    Map<String, BenchmarkTable.Row> rows = BenchmarkTable.rows(result.printed());
    reporter.publishEntry("main_wall_ms", Long.toString(result.wallMillis()));
    reporter.publishEntry("requests_per_url", result.requests().toString());
    if (rows.size() != BenchmarkTable.MODELS.size()) {
      fail(Feedback.of("a table with rows threads, processes and async",
          "rows found: " + rows.keySet() + "; main printed " + quote(result.printed()),
          "see the test of the table's format first."));
    }
    List<String> tooFast = new ArrayList<>();
    double sum = 0;
    for (BenchmarkTable.Row row : rows.values()) {
      if (row.min() < DELAY_MILLIS || row.median() < DELAY_MILLIS || row.max() < DELAY_MILLIS) {
        tooFast.add(row.toString());
      }
      sum += row.min() + row.median() + row.max();
    }
    if (!tooFast.isEmpty()) {
      fail(Feedback.of(
          "every time at least " + DELAY_MILLIS + " ms: the server delays every file that long",
          "the rows " + tooFast,
          "time each whole downloadAll call with System.nanoTime() and print milliseconds."));
    }
    List<String> missing = new ArrayList<>();
    result.requests().forEach((url, count) -> {
      if (count < RUNS) {
        missing.add(url + " x" + count);
      }
    });
    if (!missing.isEmpty()) {
      fail(Feedback.of(
          "each URL downloaded at least " + RUNS + " times (3 models x 3 runs)",
          "the server was asked for " + missing,
          "run each of the three downloaders 3 times on all the URLs, each time into a fresh temporary "
              + "directory, and report what you measured."));
    }
    List<RunWindows.Reported> reported = new ArrayList<>();
    for (BenchmarkTable.Row row : rows.values()) {
      reported.add(new RunWindows.Reported(row.model() + " median", row.model(), row.median()));
      reported.add(new RunWindows.Reported(row.model() + " min", row.model(), row.min()));
      reported.add(new RunWindows.Reported(row.model() + " max", row.model(), row.max()));
    }
    Optional<List<RunWindows.Reported>> unexplained = result.windows().unexplained(reported);
    if (unexplained.isPresent()) {
      fail(Feedback.of(
          "each number the time of one of its model's runs the server saw (a request that arrived while that "
              + "model's downloadAll was running): at least as long as the server took for that run's download, at "
              + "most the time from the end of the download before it to the start of the one after it (the server "
              + "kept each request a different time, from " + DELAY_MILLIS + " ms up)",
          unexplained.get().stream().map(r -> r.label() + " " + BenchmarkTable.format(r.millis()) + " ms")
              .collect(java.util.stream.Collectors.joining(", ")) + " fit no run of their own; the server saw "
              + result.windows().describe(),
          "time each downloadAll call of the row's model on its own with System.nanoTime() just before and "
              + "after it, one run after the other, and print exactly the milliseconds you measured."));
    }
    long limit = result.wallMillis() + ROUNDING_SLACK_MILLIS;
    reporter.publishEntry("sum_of_reported_runs_ms", BenchmarkTable.format(sum));
    if (sum > limit) {
      fail(Feedback.of(
          "min + median + max of each model is the sum of its 3 runs, so over the three models at most the "
              + result.wallMillis() + " ms main took (+" + ROUNDING_SLACK_MILLIS + " ms for rounding)",
          "the table adds up to " + BenchmarkTable.format(sum) + " ms: " + rows.values(),
          "report the times you measured, one run after the other; do not scale, invent or add them up."));
    }
  }

  /** Runs the student's benchmark once, on first use; both tests judge the same run. */
  private synchronized Run benchmark() {
    if (run != null) {
      if (run.thrown() != null) {
        throw StudentCall.failure("DownloadBenchmark.main(1 URL) returns normally", run.thrown());
      }
      return run;
    }
    List<URI> urls = ServedFiles.urls(server, SCENARIO, URLS);
    String[] args = urls.stream().map(URI::toString).toArray(String[]::new);
    String printed;
    Throwable thrown = null;
    List<Duration> stays = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      stays.add(Duration.ofMillis(DELAY_MILLIS + (long) i * DELAY_STEP_MILLIS));
    }
    // Drawn afresh for every grading, so no submission can know which run takes how long.
    Collections.shuffle(stays, new SecureRandom());
    // Which model's downloadAll runs as each request arrives: the client waits for the answer then. The
    // thread calling main runs the benchmark; every other thread alive now is the grader's or an earlier test's.
    Thread benchmark = Thread.currentThread();
    Set<Long> before = ModelFrames.threadsAliveNow();
    Map<Integer, Set<String>> modelsAtArrival = new ConcurrentHashMap<>();
    gate.arm(ServerGate.Plan.staysByArrival("/" + SCENARIO + "/", stays),
        arrival -> modelsAtArrival.put(arrival, ModelFrames.running(benchmark, before)));
    long start = System.nanoTime();
    try (StandardOutCapture out = StandardOutCapture.start()) {
      try {
        DownloadBenchmark.main(args);
      } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
        thrown = e;
      }
      printed = String.join("\n", out.recorder().texts()) + "\n"
          + String.join("", out.recorder().unfinished().values());
    }
    long end = System.nanoTime();
    long wall = (end - start) / 1_000_000;
    RunWindows windows = RunWindows.of(gate.observe().exchanges(), Map.copyOf(modelsAtArrival), start, end);
    gate.disarm();
    Map<String, Long> requests = new LinkedHashMap<>();
    for (URI url : urls) {
      requests.put(url.getPath(), 0L);
    }
    for (String requested : server.requestedUrls("/" + SCENARIO + "/")) {
      String path = requested.contains("?") ? requested.substring(0, requested.indexOf('?')) : requested;
      requests.computeIfPresent(path, (k, v) -> v + 1);
    }
    run = new Run(printed, wall, thrown, urls, requests, windows);
    if (thrown != null) {
      throw StudentCall.failure("DownloadBenchmark.main(1 URL) returns normally", thrown);
    }
    return run;
  }

  private static String quote(String printed) {
    String text = printed.strip();
    text = text.length() > 600 ? text.substring(0, 600) + "..." : text;
    return "\"" + text.replace("\n", "\\n") + "\"";
  }
}
