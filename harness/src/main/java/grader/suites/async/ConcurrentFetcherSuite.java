package grader.suites.async;

import static org.junit.jupiter.api.Assertions.fail;

import exercises.async.ConcurrentFetcher;
import grader.suites.support.Feedback;
import grader.suites.support.RecordingHttpClient;
import grader.suites.support.RecordingHttpClient.Mode;
import grader.suites.support.ServerGate;
import grader.suites.support.ServerTimeline;
import grader.suites.support.ServerGate.Observation;
import grader.suites.support.ServerGate.Plan;
import grader.suites.support.StandardOutCapture;
import grader.suites.support.StubServer;
import grader.suites.support.StudentCall;
import grader.suites.support.Submission;
import grader.suites.support.Timeline;
import grader.suites.support.Waits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 3: {@code ConcurrentFetcher.fetchAll} sends every request with {@code sendAsync} before
 * awaiting any, never blocks its caller, and keeps the order of the URIs.
 *
 * <p>Concurrency is proven inside the server ({@link ServerGate}): k requests waiting there
 * together can only come from a client that had all k in flight at once. The one stopwatch test
 * is a secondary check with a wide margin, after warm-up and as the best of three attempts.
 */
@DisplayName("Exercise 3 (async): ConcurrentFetcher")
@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
public class ConcurrentFetcherSuite {

  /** How long the gate keeps a lone request waiting for its siblings, or holds requests. */
  private static final Duration GATE_TIMEOUT = Duration.ofMillis(Submission.scaled(5000));
  /** How long a test waits for the student's future to complete once the server has answered. */
  private static final long COMPLETION_SECONDS = Submission.scaled(15);
  /** The timing test's delays are 3, 2 and 1 of these: 900, 600 and 300 ms. */
  private static final long TIMING_UNIT_MILLIS = Submission.scaled(300);

  private static final ServerGate GATE = new ServerGate();
  private static StubServer server;
  private static HttpClient client;

  @BeforeAll
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  public static void startServer() throws Exception {
    server = StubServer.start(GATE);
    for (String name : List.of("a", "b", "c")) {
      server.stubText("/warm/" + name, 200, "warm " + name, 0);
      server.stubText("/hold/" + name, 200, "held body " + name, 0);
      server.stubText("/sendasync/" + name, 200, "recorded body " + name, 0);
    }
    for (int i = 1; i <= 5; i++) {
      server.stubText("/gate/" + i, 200, "gated body " + i, 0);
    }
    server.stubText("/order/first", 200, "first body: the slowest answer, sent for the first URI", 500);
    server.stubText("/order/second", 200, "second body: answers in between", 250);
    server.stubText("/order/third", 200, "third body, the fastest", 0);
    server.stubText("/timing/slow", 200, "slow", (int) (3 * TIMING_UNIT_MILLIS));
    server.stubText("/timing/middle", 200, "middle", (int) (2 * TIMING_UNIT_MILLIS));
    server.stubText("/timing/fast", 200, "fast", (int) TIMING_UNIT_MILLIS);
    server.stubText("/status/ok", 200, "fine", 0);
    server.stubText("/status/404", 404, "not found here", 0);
    server.stubText("/status/500", 500, "the server broke", 0);
    server.stubText("/delay/2", 200, MainBody.TEXT, 0);
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    server.warmUp();
    warmUpStudentCode();
  }

  /**
   * One call of the student's code against no-delay stubs, so the first timed call does not pay
   * for class loading. Whatever it does (throw, block) is ignored here: every test reports it.
   */
  private static void warmUpStudentCode() throws InterruptedException {
    Thread warm = new Thread(() -> {
      try {
        ConcurrentFetcher.fetchAll(client, List.of(server.uri("/warm/a"), server.uri("/warm/b")))
            .get(5, TimeUnit.SECONDS);
      } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
        // Reported by the tests, each with its own message.
      }
    }, "grader-warm-up");
    warm.setDaemon(true);
    warm.start();
    warm.join(Submission.scaled(6000));
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
  @DisplayName("fetchAll returns its future at once, before any response has arrived")
  public void returnsBeforeAnyResponseArrives(TestReporter reporter) throws Exception {
    List<URI> uris = uris("/hold/a", "/hold/b", "/hold/c");
    GATE.arm(Plan.hold("/hold/", GATE_TIMEOUT));
    long start = System.nanoTime();
    CompletableFuture<List<String>> future = fetchAll(client, uris);
    long returnedMillis = millisSince(start);
    Observation atReturn = GATE.observe();
    reporter.publishEntry("returned_after_ms", Long.toString(returnedMillis));
    reporter.publishEntry("answered_before_return", Integer.toString(atReturn.answered()));
    if (atReturn.answered() > 0) {
      fail(Feedback.of(
          "fetchAll returns its future at once, while the server still holds all 3 requests",
          "fetchAll returned only after " + returnedMillis + " ms, when the server had already answered "
              + atReturn.answered() + " of 3 requests (the test holds them for " + GATE_TIMEOUT.toMillis()
              + " ms, then lets them go)",
          "fetchAll must not wait: no join() or get() inside it. Send every request with sendAsync, combine "
              + "the futures (CompletableFuture.allOf(...).thenApply(...)) and return that future; the caller "
              + "decides when to wait."));
    }
    awaitArrivals(3);
    GATE.release();
    List<String> bodies = await(future, "fetchAll(3 URIs)");
    assertSameBodies(List.of("held body a", "held body b", "held body c"), bodies);
  }

  @ParameterizedTest(name = "{0} requests")
  @ValueSource(ints = {3, 5})
  @DisplayName("all requests are inside the server at the same time")
  public void sendsAllRequestsBeforeAwaitingAny(int count, TestReporter reporter) throws Exception {
    List<URI> uris = IntStream.rangeClosed(1, count).mapToObj(i -> server.uri("/gate/" + i)).toList();
    GATE.arm(Plan.rendezvous("/gate/", count, GATE_TIMEOUT, Duration.ZERO));
    long called = System.nanoTime();
    CompletableFuture<List<String>> future = fetchAll(client, uris);
    long returned = System.nanoTime();
    List<String> bodies = await(future, "fetchAll(" + count + " URIs)");
    Observation seen = GATE.observe();
    Timeline.publish(reporter, () -> ServerTimeline.of(seen, "request", "fetchAll", called, returned));
    reporter.publishEntry("max_requests_in_flight", Integer.toString(seen.maxInside()));
    if (!seen.met()) {
      fail(Feedback.of(
          "all " + count + " requests inside the server at the same moment (each waits there up to "
              + GATE_TIMEOUT.toMillis() + " ms for the others)",
          "at most " + seen.maxInside() + " of " + count + " requests were inside the server at once; "
              + seen.arrived() + " arrived in all",
          "send every request with client.sendAsync(...) first, and only then combine the futures. "
              + "Calling join()/get() after each sendAsync, or chaining the next request in thenCompose, "
              + "sends them one after the other."));
    }
    List<String> expected =
        IntStream.rangeClosed(1, count).mapToObj(i -> "gated body " + i).toList();
    assertSameBodies(expected, bodies);
  }

  @Test
  @DisplayName("sends every request with the given client's sendAsync, never with send")
  public void usesSendAsyncOnly(TestReporter reporter) throws Exception {
    RecordingHttpClient recording = RecordingHttpClient.wrapping(client);
    List<URI> uris = uris("/sendasync/a", "/sendasync/b", "/sendasync/c");
    List<String> bodies = await(fetchAll(recording, uris), "fetchAll(3 URIs)");
    long async = recording.count(Mode.SEND_ASYNC);
    long blocking = recording.count(Mode.SEND);
    reporter.publishEntry("sendAsync_calls", Long.toString(async));
    reporter.publishEntry("send_calls", Long.toString(blocking));
    if (async == 0 && blocking == 0) {
      fail(Feedback.of(
          "3 calls of sendAsync on the HttpClient passed to fetchAll",
          "the client passed to fetchAll was never used",
          "use the client parameter; do not create your own HttpClient inside fetchAll."));
    }
    if (async != uris.size() || blocking != 0) {
      fail(Feedback.of(
          uris.size() + " calls of sendAsync and none of send",
          async + " call(s) of sendAsync and " + blocking + " of send",
          "send() blocks the calling thread until the response is there; the exercise is about "
              + "client.sendAsync(request, BodyHandlers.ofString()), one call per URI."));
    }
    assertSameBodies(List.of("recorded body a", "recorded body b", "recorded body c"), bodies);
  }

  @Test
  @DisplayName("the total time is that of the longest request, not the sum")
  public void totalTimeIsTheLongestNotTheSum(TestReporter reporter) throws Exception {
    long unit = TIMING_UNIT_MILLIS;
    long slowest = 3 * unit;
    long sum = 6 * unit;
    long limit = slowest + (sum - slowest) / 2;
    List<URI> uris = uris("/timing/slow", "/timing/middle", "/timing/fast");
    List<Long> attempts = new ArrayList<>();
    long best = Long.MAX_VALUE;
    // Noise only ever adds time, so the best of a few attempts is the honest estimate.
    for (int attempt = 0; attempt < 3 && best >= limit; attempt++) {
      long start = System.nanoTime();
      await(fetchAll(client, uris), "fetchAll(3 delayed URIs)");
      long elapsed = millisSince(start);
      attempts.add(elapsed);
      best = Math.min(best, elapsed);
    }
    reporter.publishEntry("elapsed_ms", attempts.stream().map(String::valueOf).collect(Collectors.joining(",")));
    if (best < slowest) {
      fail(Feedback.of(
          "at least " + slowest + " ms: the slowest response is delayed that long",
          "the future completed after " + best + " ms",
          "the bodies must come from the server; do not complete the future before every response is there."));
    }
    if (best >= limit) {
      fail(Feedback.of(
          "about " + slowest + " ms (the slowest of 3 requests delayed " + slowest + ", " + 2 * unit + " and "
              + unit + " ms), in any case under " + limit + " ms; one after the other takes " + sum + " ms",
          "best of " + attempts.size() + " attempts: " + best + " ms (all: " + attempts + " ms)",
          "start all requests before waiting for any: the delays must overlap."));
    }
  }

  @Test
  @DisplayName("the bodies come in the order of the URIs, even when the first answer comes last")
  public void bodiesComeInTheOrderOfTheUris() throws Exception {
    List<URI> uris = uris("/order/first", "/order/second", "/order/third");
    List<String> bodies = await(fetchAll(client, uris), "fetchAll(3 URIs)");
    List<String> expected = List.of(
        "first body: the slowest answer, sent for the first URI",
        "second body: answers in between",
        "third body, the fastest");
    if (!expected.equals(bodies)) {
      fail(Feedback.of(
          "the bodies in the order of the URIs: " + expected,
          "" + bodies + " (the first URI answers after 500 ms, the second after 250 ms, the third at once)",
          "collect the results by position, e.g. keep the futures in a list in the order of the URIs and map "
              + "each to its join() after allOf(...) completes; adding bodies to a list as they arrive gives "
              + "completion order."));
    }
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {404, 500})
  @DisplayName("a status outside 200-299 fails the future with an IOException naming the URI and the status")
  public void failsWithIOExceptionNamingUriAndStatus(int status) throws Exception {
    URI failing = server.uri("/status/" + status);
    List<URI> uris = List.of(server.uri("/status/ok"), failing);
    Throwable cause = failureOf(fetchAll(client, uris), "fetchAll([a 200 URI, a " + status + " URI])");
    String message = String.valueOf(cause.getMessage());
    if (!(cause instanceof IOException) || !message.contains(failing.toString())
        || !message.contains(Integer.toString(status))) {
      fail(Feedback.of(
          "the future fails with an IOException whose message contains the URI " + failing
              + " and the status " + status,
          "it failed with " + StudentCall.describe(cause),
          "check response.statusCode() for every response and fail with e.g. new IOException(\"GET \" + uri "
              + "+ \" returned HTTP status \" + status); a future stage can throw it wrapped in a "
              + "CompletionException, or return CompletableFuture.failedFuture(...)."));
    }
  }

  @Test
  @DisplayName("a request that cannot connect fails the future with an IOException naming the URI")
  public void failsWithIOExceptionNamingUriWhenConnectionFails() throws Exception {
    URI unreachable = URI.create("http://127.0.0.1:" + closedPort() + "/nothing-listens-here");
    List<URI> uris = List.of(server.uri("/status/ok"), unreachable);
    Throwable cause = failureOf(fetchAll(client, uris), "fetchAll([a 200 URI, a URI where nothing listens])");
    String message = String.valueOf(cause.getMessage());
    if (!(cause instanceof IOException) || !message.contains(unreachable.toString())) {
      fail(Feedback.of(
          "the future fails with an IOException whose message contains the URI " + unreachable,
          "it failed with " + StudentCall.describe(cause),
          "the HttpClient's own exception (e.g. ConnectException) does not say which URI failed: map it, "
              + "e.g. with exceptionallyCompose/handle, to new IOException(\"GET \" + uri + \" failed\", cause)."));
    }
  }

  @Test
  @DisplayName("an empty list gives an already completed future of an empty list")
  public void emptyListGivesCompletedEmptyFuture() throws Exception {
    CompletableFuture<List<String>> future = fetchAll(client, List.of());
    boolean done = future.isDone();
    if (!done) {
      fail(Feedback.of(
          "fetchAll(client, List.of()) returns a future that is already done",
          "the returned future was not done yet",
          "with nothing to fetch there is nothing to wait for: return CompletableFuture.completedFuture(List.of())."));
    }
    List<String> bodies = await(future, "fetchAll(client, List.of())");
    if (bodies == null || !bodies.isEmpty()) {
      fail(Feedback.of("an empty list", String.valueOf(bodies),
          "with nothing to fetch, the result is an empty list (not null)."));
    }
  }

  @Test
  @DisplayName("main fetches <base>/delay/2 twice concurrently and prints the lengths and the total time")
  public void mainFetchesTheDelayEndpointTwiceConcurrently(TestReporter reporter) throws Exception {
    long stay = Submission.scaled(300);
    GATE.arm(Plan.rendezvous("/delay/2", 2, GATE_TIMEOUT, Duration.ofMillis(stay)));
    String printed;
    long start = System.nanoTime();
    try (StandardOutCapture out = StandardOutCapture.start()) {
      StudentCall.running("main(\"" + server.baseUrl() + "\") returns normally",
          () -> ConcurrentFetcher.main(new String[] {server.baseUrl()}));
      printed = String.join("\n", out.recorder().texts()) + "\n"
          + String.join("", out.recorder().unfinished().values());
    }
    long wall = millisSince(start);
    Observation seen = GATE.observe();
    reporter.publishEntry("requests", Integer.toString(seen.arrived()));
    reporter.publishEntry("max_requests_in_flight", Integer.toString(seen.maxInside()));
    reporter.publishEntry("main_ms", Long.toString(wall));
    if (seen.arrived() != 2) {
      fail(Feedback.of(
          "2 requests for " + server.baseUrl() + "/delay/2",
          seen.arrived() + " request(s) under /delay/2: " + seen.urls(),
          "main takes the base URL from args[0] and fetches base + \"/delay/2\" twice with fetchAll."));
    }
    if (!seen.met()) {
      fail(Feedback.of(
          "both requests inside the server at the same moment",
          "they came one after the other (at most " + seen.maxInside() + " at once)",
          "pass both URIs to one fetchAll call and wait for its future once."));
    }
    String length = Integer.toString(MainBody.TEXT.length());
    if (!printed.contains(length)) {
      fail(Feedback.of(
          "the output shows each body's length (" + length + " characters)",
          "it printed: " + quote(printed),
          "print bodies.get(i).length() for each body."));
    }
    if (!printsNumberBetween(printed, stay, wall + 5, MainBody.TEXT.length())) {
      fail(Feedback.of(
          "the output shows the total time in milliseconds (at least " + stay + ", at most the " + wall
              + " ms main took)",
          "it printed: " + quote(printed),
          "measure with System.nanoTime() before and after waiting, and print the difference in ms."));
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static CompletableFuture<List<String>> fetchAll(HttpClient httpClient, List<URI> uris) {
    CompletableFuture<List<String>> future = StudentCall.returning(
        "fetchAll(client, " + uris.size() + " URIs) returns a future",
        () -> ConcurrentFetcher.fetchAll(httpClient, uris));
    if (future == null) {
      fail(Feedback.of("fetchAll returns a CompletableFuture", "it returned null",
          "return the future of the combined results, never null."));
    }
    return future;
  }

  /** Waits for {@code future} and returns its value, or fails with what went wrong. */
  private static <T> T await(CompletableFuture<T> future, String call) throws InterruptedException {
    try {
      return future.get(COMPLETION_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return fail(Feedback.of(
          "the future of " + call + " completes normally",
          "it failed with " + StudentCall.describe(unwrap(e)),
          "every URI in this test answers 200; check how you build the requests and read the bodies."));
    } catch (TimeoutException e) {
      return fail(Feedback.of(
          "the future of " + call + " completes once the server has answered",
          "it was still not done " + COMPLETION_SECONDS + " s later",
          "combine the futures so the result completes when the last response is in "
              + "(CompletableFuture.allOf(...).thenApply(...))."));
    }
  }

  /** Waits for {@code future} to fail and returns the cause, or fails if it completes normally. */
  private static Throwable failureOf(CompletableFuture<?> future, String call) throws InterruptedException {
    try {
      Object value = future.get(COMPLETION_SECONDS, TimeUnit.SECONDS);
      return fail(Feedback.of(
          "the future of " + call + " completes exceptionally with an IOException",
          "it completed normally with " + value,
          "a response with a status outside 200-299 is an error: check response.statusCode()."));
    } catch (ExecutionException e) {
      return unwrap(e);
    } catch (TimeoutException e) {
      return fail(Feedback.of(
          "the future of " + call + " completes exceptionally with an IOException",
          "it was still not done " + COMPLETION_SECONDS + " s later",
          "a failed request must fail the combined future too; allOf(...) completes exceptionally as "
              + "soon as all futures are done and one failed."));
    }
  }

  /**
   * The real failure behind {@code get()}'s ExecutionException, also when the student wrapped it in
   * CompletionExceptions of their own (which {@code get()} unwraps only once).
   */
  private static Throwable unwrap(ExecutionException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static void assertSameBodies(List<String> expected, List<String> bodies) {
    List<String> sortedExpected = expected.stream().sorted().toList();
    List<String> sortedActual = bodies == null ? null : bodies.stream().map(String::valueOf).sorted().toList();
    if (!sortedExpected.equals(sortedActual)) {
      fail(Feedback.of("the bodies " + expected + " (in any order for this test)", String.valueOf(bodies),
          "complete the future with one body per URI, as the server sent it (BodyHandlers.ofString())."));
    }
  }

  /** Waits until {@code count} requests reached the gate, or the hold gives up; proof comes later. */
  private static void awaitArrivals(int count) {
    try {
      Waits.await("requests at the server")
          .dontCatchUncaughtExceptions()
          .atMost(GATE_TIMEOUT)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .until(() -> GATE.observe().arrived() >= count);
    } catch (ConditionTimeoutException e) {
      // Not this test's verdict: the rendezvous test proves whether all requests were sent at once.
    }
  }

  private List<URI> uris(String... paths) {
    return List.of(paths).stream().map(server::uri).toList();
  }

  /** A loopback port nothing listens on: bound by the OS for us, then closed again. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static boolean printsNumberBetween(String text, long low, long high, long except) {
    Matcher numbers = Pattern.compile("\\d+").matcher(text);
    while (numbers.find()) {
      String digits = numbers.group();
      if (digits.length() > 12) {
        continue;
      }
      long value = Long.parseLong(digits);
      if (value != except && value >= low && value <= high) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String printed) {
    String text = printed.length() > 400 ? printed.substring(0, 400) + "..." : printed;
    return "\"" + text.replace("\n", "\\n") + "\"";
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The body the fake {@code /delay/2} endpoint answers with; its length is what main must print. */
  private static final class MainBody {
    static final String TEXT = "{\"args\": {}, \"origin\": \"127.0.0.1\", \"url\": \"/delay/2\", \"padding\": \""
        + "0123456789abcdef".repeat(80) + "\"}";

    private MainBody() {}
  }
}
