package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.fail;

import exercises.compare.AsyncDownloader;
import grader.suites.support.Feedback;
import grader.suites.support.RecordingHttpClient;
import grader.suites.support.RecordingHttpClient.Mode;
import grader.suites.support.RecordingHttpClient.Subscription;
import grader.suites.support.ServerGate;
import grader.suites.support.ServerTimeline;
import grader.suites.support.ServerGate.Observation;
import grader.suites.support.ServerGate.Plan;
import grader.suites.support.StubServer;
import grader.suites.support.StudentCall;
import grader.suites.support.Submission;
import grader.suites.support.Timeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercise 4, model 3: {@code AsyncDownloader} sends every request with the client it was given,
 * through {@code sendAsync}, has them all in flight at once, and streams each body to its file.
 *
 * <p>The test hands in a {@link RecordingHttpClient}, which shows {@code send} versus
 * {@code sendAsync} and the body subscriber each response went to: {@code BodyHandlers.ofFile}
 * gives the JDK's path subscriber, which writes as the bytes arrive. Streaming itself is judged by
 * what reaches the disk ({@link DiskWatch}) while the server is still sending.
 */
@DisplayName("Exercise 4 (compare): AsyncDownloader")
@Timeout(value = 90, threadMode = ThreadMode.SEPARATE_THREAD)
public class AsyncDownloaderSuite {

  private static final Duration MEET_TIMEOUT = Duration.ofMillis(Submission.scaled(5000));
  private static final int URLS = 6;
  /** The streaming test's files, each sent in {@link #DRIBBLE_CHUNKS} pieces over {@link #DRIBBLE}. */
  private static final int STREAMED = 4;
  private static final int DRIBBLE_CHUNKS = 10;
  private static final Duration DRIBBLE = Duration.ofMillis(Submission.scaled(1500));

  private static final ServerGate GATE = new ServerGate();
  private static final ServedFiles FILES = ServedFiles.generate();
  private static StubServer server;
  private static HttpClient client;

  @TempDir
  public Path dir;

  @BeforeAll
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  public static void startServer() throws Exception {
    server = StubServer.start(GATE);
    FILES.stubAll(server);
    server.warmUp();
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
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
  @DisplayName("AsyncDownloader saves every file byte for byte and returns the paths in the order of the URLs")
  public void asyncSavesEveryFileByteForByte() throws Exception {
    List<URI> urls = ServedFiles.urls(server, "async-bytes", URLS);
    List<Path> saved = download(client, urls);
    FILES.assertSaved("new AsyncDownloader(client).downloadAll(6 URLs, dir)", urls, dir, saved);
  }

  @Test
  @DisplayName("AsyncDownloader sends every request with the given client's sendAsync, never with send")
  public void asyncSendsEveryRequestWithSendAsync(TestReporter reporter) throws Exception {
    RecordingHttpClient recording = RecordingHttpClient.wrapping(client);
    List<URI> urls = ServedFiles.urls(server, "async-calls", URLS);
    download(recording, urls);
    long async = recording.count(Mode.SEND_ASYNC);
    long blocking = recording.count(Mode.SEND);
    reporter.publishEntry("sendAsync_calls", Long.toString(async));
    reporter.publishEntry("send_calls", Long.toString(blocking));
    if (async == 0 && blocking == 0) {
      fail(Feedback.of(
          URLS + " calls of sendAsync on the HttpClient passed to the constructor",
          "that client was never used",
          "keep the client from the constructor in a field and send every request with it; do not create "
              + "your own HttpClient."));
    }
    if (async != URLS || blocking != 0) {
      fail(Feedback.of(
          URLS + " calls of sendAsync and none of send",
          async + " call(s) of sendAsync and " + blocking + " of send",
          "client.sendAsync(request, BodyHandlers.ofFile(file)) for every URL; send() blocks a thread per download."));
    }
  }

  @Test
  @DisplayName("AsyncDownloader has every download in flight at the same time")
  public void asyncHasEveryDownloadInFlightAtOnce(TestReporter reporter) throws Exception {
    List<URI> urls = ServedFiles.urls(server, "async-gate", URLS);
    GATE.arm(Plan.rendezvous("/async-gate/", URLS, MEET_TIMEOUT, Duration.ZERO));
    long called = System.nanoTime();
    download(client, urls);
    Observation seen = GATE.observe();
    long returned = System.nanoTime();
    Timeline.publish(reporter, () -> ServerTimeline.of(seen, "download", "downloadAll", called, returned));
    reporter.publishEntry("max_downloads_in_flight", Integer.toString(seen.maxInside()));
    if (!seen.met()) {
      fail(Feedback.of(
          "all " + URLS + " downloads inside the server at the same moment (each waited there up to "
              + MEET_TIMEOUT.toMillis() + " ms for the others)",
          "at most " + seen.maxInside() + " at once, " + seen.arrived() + " requests in all",
          "call sendAsync for every URL first and only then wait, once, for all of them "
              + "(CompletableFuture.allOf(...).get()); join() after each sendAsync is sequential."));
    }
  }

  @Test
  @DisplayName("AsyncDownloader streams each body to its file with BodyHandlers.ofFile instead of holding it in memory")
  public void asyncStreamsBodiesToDisk(TestReporter reporter) throws Exception {
    // Judged by what reaches the disk: the server sends each body slowly, and every file must hold
    // part of its bytes while its response is still open. Class names prove nothing.
    String scenario = "async-stream";
    FILES.stubDribbled(server, scenario, STREAMED, DRIBBLE_CHUNKS, (int) DRIBBLE.toMillis());
    List<URI> urls = ServedFiles.urls(server, scenario, STREAMED);
    RecordingHttpClient recording = RecordingHttpClient.wrapping(client);
    GATE.arm(Plan.count("/" + scenario + "/", Duration.ZERO));
    try (DiskWatch watch = DiskWatch.start(dir, FILES.sizes(STREAMED), Duration.ofMillis(5))) {
      download(recording, urls);
      Observation seen = GATE.observe();
      List<String> notStreamed = new ArrayList<>();
      for (URI url : urls) {
        String name = ServedFiles.lastSegment(url);
        Optional<ServerGate.Exchange> exchange = seen.exchange(url.getRawPath());
        OptionalLong partial = watch.firstPartial(name);
        // WireMock may report the response complete only after the call returned: not complete
        // yet means still open when the part was seen.
        boolean openWhenSeen = exchange.isPresent() && partial.isPresent()
            && (!exchange.get().completed() || partial.getAsLong() < exchange.get().completedNanos());
        if (!openWhenSeen) {
          notStreamed.add(name);
        }
      }
      reporter.publishEntry("files_on_disk_while_downloading", (STREAMED - notStreamed.size()) + " of " + STREAMED);
      if (!notStreamed.isEmpty()) {
        fail(Feedback.of(
            "each file on disk, partly written, while the server is still sending it (the server took "
                + DRIBBLE.toMillis() + " ms to send each body, in " + DRIBBLE_CHUNKS + " pieces)",
            notStreamed.size() + " of " + STREAMED + " files (" + String.join(", ", notStreamed)
                + ") had no bytes on disk until their whole body had arrived",
            "ofByteArray()/ofString() hold the whole file in memory before you write it; "
                + "BodyHandlers.ofFile(dir.resolve(name)) writes the bytes to disk as they arrive."));
      }
    }
    List<Subscription> subscriptions = recording.subscriptions();
    List<Subscription> inMemory = subscriptions.stream()
        .filter(s -> s.status() >= 200 && s.status() <= 299 && !s.streamsToFile())
        .toList();
    reporter.publishEntry("body_subscribers", subscriptions.stream().map(Subscription::subscriberClass)
        .distinct().toList().toString());
    if (subscriptions.isEmpty()) {
      fail(Feedback.of("each response body goes to its file through BodyHandlers.ofFile(file)",
          "no response went through the client passed to the constructor",
          "send every request with the client you were given."));
    }
    if (!inMemory.isEmpty()) {
      fail(Feedback.of(
          "each response body goes to its file through BodyHandlers.ofFile(file) (the JDK's PathSubscriber)",
          inMemory.size() + " of " + subscriptions.size() + " bodies went to "
              + inMemory.stream().map(Subscription::subscriberClass).distinct().toList(),
          "ofByteArray()/ofString() hold the whole file in memory before you write it; "
              + "BodyHandlers.ofFile(dir.resolve(name)) writes the bytes to disk as they arrive."));
    }
  }

  @Test
  @DisplayName("AsyncDownloader: a URL that answers 404 makes downloadAll throw an IOException naming it")
  public void asyncReportsA404NamingTheUrl() {
    URI missing = ServedFiles.url(server, "async-404", ServedFiles.MISSING);
    List<URI> urls = List.of(ServedFiles.url(server, "async-404", "alpha.bin"), missing);
    FailureCheck.assertIOExceptionNaming("new AsyncDownloader(client).downloadAll([a good URL, a 404 URL], dir)",
        missing,
        "sendAsync completes normally for a 404: check response.statusCode(); get() wraps a stage's exception "
            + "in an ExecutionException, so unwrap it and throw an IOException whose message contains the URL.",
        () -> new AsyncDownloader(client).downloadAll(urls, dir));
  }

  private List<Path> download(HttpClient httpClient, List<URI> urls) {
    return StudentCall.returning(
        "new AsyncDownloader(client).downloadAll(" + urls.size() + " URLs, dir) returns the files",
        () -> new AsyncDownloader(httpClient).downloadAll(urls, dir));
  }
}
