package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.fail;

import exercises.compare.ThreadDownloader;
import grader.suites.support.Feedback;
import grader.suites.support.ServerGate;
import grader.suites.support.ServerTimeline;
import grader.suites.support.ServerGate.Observation;
import grader.suites.support.ServerGate.Plan;
import grader.suites.support.StubServer;
import grader.suites.support.StudentCall;
import grader.suites.support.Submission;
import grader.suites.support.Timeline;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 4, model 1: {@code ThreadDownloader} saves every file intact with a pool of exactly
 * {@code threads} threads and leaves no thread behind.
 *
 * <p>The pool size is seen from inside the server: each request stays there a while and counts
 * itself out before its response is sent, so a pool of {@code threads} can never show more than
 * {@code threads} at once, and the rendezvous proves it showed at least that many.
 */
@DisplayName("Exercise 4 (compare): ThreadDownloader")
@Timeout(value = 90, threadMode = ThreadMode.SEPARATE_THREAD)
public class ThreadDownloaderSuite {

  private static final Duration MEET_TIMEOUT = Duration.ofMillis(Submission.scaled(5000));
  /** Long enough that a pool larger than asked has more than {@code threads} requests inside at once. */
  private static final Duration STAY = Duration.ofMillis(Submission.scaled(250));

  private static final ServerGate GATE = new ServerGate();
  private static final ServedFiles FILES = ServedFiles.generate();
  private static StubServer server;

  @TempDir
  public Path dir;

  @BeforeAll
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  public static void startServer() throws Exception {
    server = StubServer.start(GATE);
    FILES.stubAll(server);
    server.warmUp();
  }

  @AfterAll
  public static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  public void disarmGate() {
    GATE.disarm();
  }

  @Test
  @DisplayName("ThreadDownloader saves every file byte for byte and returns the paths in the order of the URLs")
  public void threadsSaveEveryFileByteForByte() throws Exception {
    List<URI> urls = ServedFiles.urls(server, "threads-bytes", 6);
    List<Path> saved = download(3, urls);
    FILES.assertSaved("new ThreadDownloader(3).downloadAll(6 URLs, dir)", urls, dir, saved);
  }

  @ParameterizedTest(name = "threads = {0}, 6 URLs")
  @ValueSource(ints = {2, 3})
  @DisplayName("ThreadDownloader keeps exactly `threads` downloads in flight")
  public void threadsKeepExactlyThePoolSizeInFlight(int threads, TestReporter reporter) throws Exception {
    String scenario = "pool-" + threads;
    List<URI> urls = ServedFiles.urls(server, scenario, 6);
    GATE.arm(Plan.rendezvous("/" + scenario + "/", threads, MEET_TIMEOUT, STAY));
    long called = System.nanoTime();
    download(threads, urls);
    Observation seen = GATE.observe();
    long returned = System.nanoTime();
    Timeline.publish(reporter, () -> ServerTimeline.of(seen, "download", "downloadAll", called, returned));
    reporter.publishEntry("max_downloads_in_flight", Integer.toString(seen.maxInside()));
    if (seen.maxInside() > threads) {
      fail(Feedback.of(
          "at most " + threads + " downloads inside the server at once with new ThreadDownloader(" + threads + ")",
          seen.maxInside() + " downloads were inside the server at the same moment",
          "create the pool with exactly the number of threads you were given: "
              + "Executors.newFixedThreadPool(threads), not one thread per URL."));
    }
    if (!seen.met()) {
      fail(Feedback.of(
          threads + " downloads inside the server at the same moment (each waited there up to "
              + MEET_TIMEOUT.toMillis() + " ms for the others)",
          "at most " + seen.maxInside() + " at once, " + seen.arrived() + " requests in all",
          "submit one task per URL to a pool of `threads` threads and only then wait for the futures; "
              + "calling get() right after submit, or downloading in the calling thread, is sequential."));
    }
    if (seen.arrived() != urls.size()) {
      fail(Feedback.of(urls.size() + " requests, one per URL", seen.arrived() + " requests: " + seen.urls(),
          "download each URL exactly once."));
    }
  }

  @Test
  @DisplayName("ThreadDownloader leaves no thread running after downloadAll returns")
  public void threadsLeaveNoThreadBehind(TestReporter reporter) throws Exception {
    List<URI> urls = ServedFiles.urls(server, "threads-leak", 4);
    Map<Long, Long> before = ThreadLeaks.snapshot();
    download(3, urls);
    Map<Thread, StackTraceElement[]> left =
        ThreadLeaks.awaitNoneLeftSince(before, Duration.ofMillis(Submission.scaled(2000)));
    reporter.publishEntry("threads_left", Integer.toString(left.size()));
    if (!left.isEmpty()) {
      fail(Feedback.of(
          "every thread downloadAll started or ran its downloads on has ended within " + Submission.scaled(2000)
              + " ms after it returned",
          left.size() + " non-daemon thread(s) it started or used are still alive: " + ThreadLeaks.describe(left),
          "shut the pool down before downloadAll returns, in a finally block: pool.shutdown() (and "
              + "awaitTermination), and create the pool in downloadAll, not in a static field. A pool's threads are "
              + "not daemons: left running they leak on every call and keep the JVM alive."));
    }
  }

  @Test
  @DisplayName("ThreadDownloader: a URL that answers 404 makes downloadAll throw an IOException naming it")
  public void threadsReportA404NamingTheUrl() {
    URI missing = ServedFiles.url(server, "threads-404", ServedFiles.MISSING);
    List<URI> urls = List.of(ServedFiles.url(server, "threads-404", "alpha.bin"), missing);
    FailureCheck.assertIOExceptionNaming("new ThreadDownloader(2).downloadAll([a good URL, a 404 URL], dir)",
        missing,
        "Future.get() wraps a task's exception in an ExecutionException: unwrap it and throw an IOException "
            + "whose message contains the URL.",
        () -> new ThreadDownloader(2).downloadAll(urls, dir));
  }

  private List<Path> download(int threads, List<URI> urls) {
    return StudentCall.returning(
        "new ThreadDownloader(" + threads + ").downloadAll(" + urls.size() + " URLs, dir) returns the files",
        () -> new ThreadDownloader(threads).downloadAll(urls, dir));
  }
}
