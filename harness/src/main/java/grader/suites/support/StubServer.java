package grader.suites.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An in-process WireMock server on the loopback interface, set up the way the notes measured it
 * to be trustworthy for concurrency tests: enough Jetty threads that delayed requests never
 * queue, a {@link ServerGate} installed, and a warm-up so cold start never decides a verdict.
 *
 * <p>One per suite class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 */
public final class StubServer implements AutoCloseable {

  /**
   * Jetty threads. A delayed or gated request keeps its thread, and Jetty needs some for itself
   * (acceptors, selectors), so the pool must exceed the most parallel requests a test sends (8)
   * by a wide margin; the 3.x default (25) is not relied on.
   */
  private static final int CONTAINER_THREADS = 40;

  private final WireMockServer server;
  private final ServerGate gate;

  private StubServer(WireMockServer server, ServerGate gate) {
    this.server = server;
    this.gate = gate;
  }

  /** Starts a server with {@code gate} installed, on a free port of 127.0.0.1. */
  public static StubServer start(ServerGate gate) {
    Objects.requireNonNull(gate, "gate must not be null");
    WireMockServer server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .containerThreads(CONTAINER_THREADS)
                .jettyAcceptors(1)
                .gzipDisabled(true)
                // HTTP/1.1 only. The JDK client asks every new plain-HTTP connection to upgrade to h2c;
                // with large binary bodies on concurrent connections that upgrade sometimes went wrong
                // (the client read body bytes as HTTP/2 frames: "Frame type(0) length(3155771) exceeds
                // MAX_FRAME_SIZE", or "EOF reached while reading"), failing correct downloads.
                .http2PlainDisabled(true)
                .notifier(new ConsoleNotifier(false))
                // The admin API (/__admin/...) answers on the port the student is given: without this a
                // submission could remove the delays, reset the journal or read the stubs over HTTP. Every
                // suite drives the server in process (stubFor, getAllServeEvents), which never asks this.
                .adminAuthenticator(request -> false)
                .extensions(gate));
    try {
      server.start();
    } catch (RuntimeException e) {
      // A failed start leaves Jetty's non-daemon threads behind; without stop() the JVM never exits.
      server.stop();
      throw e;
    }
    StubServer stubs = new StubServer(server, gate);
    stubs.stub("/__grader/warm", aResponse().withStatus(200).withBody("warm"));
    return stubs;
  }

  /** The gate installed in this server. */
  public ServerGate gate() {
    return gate;
  }

  /**
   * {@code http://127.0.0.1:<port>}, without a trailing slash. Not WireMock's own base URL, which
   * says {@code localhost}: that name may resolve to {@code ::1}, where nothing listens.
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The absolute URI of {@code path} (which starts with '/') on this server. */
  public URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  /** Answers GET {@code path} (exactly, query ignored) with {@code response}. */
  public void stub(String path, ResponseDefinitionBuilder response) {
    server.stubFor(get(urlPathEqualTo(path)).willReturn(response));
  }

  /**
   * Answers GET requests whose path matches the regular expression {@code pathRegex} with
   * {@code response}. Where several stubs match, the one added last wins.
   */
  public void stubMatching(String pathRegex, ResponseDefinitionBuilder response) {
    server.stubFor(get(urlPathMatching(pathRegex)).willReturn(response));
  }

  /** Answers GET {@code path} with {@code status} and the text {@code body}, after {@code delayMillis}. */
  public void stubText(String path, int status, String body, int delayMillis) {
    ResponseDefinitionBuilder response =
        aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body);
    stub(path, delayMillis > 0 ? response.withFixedDelay(delayMillis) : response);
  }

  /** Answers GET {@code path} with the bytes {@code body} as application/octet-stream, after {@code delayMillis}. */
  public void stubBytes(String path, byte[] body, int delayMillis) {
    ResponseDefinitionBuilder response =
        aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(body);
    stub(path, delayMillis > 0 ? response.withFixedDelay(delayMillis) : response);
  }

  /** The URLs (path and query) the server was asked for, oldest first, that start with {@code prefix}. */
  public List<String> requestedUrls(String prefix) {
    return server.getAllServeEvents().stream()
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(ServeEvent::getRequest)
        .map(r -> r.getUrl())
        .filter(url -> url.startsWith(prefix))
        .toList();
  }

  /**
   * Loads the HTTP client's and the server's code paths with a few throwaway requests, so the
   * first request a test times is not 0.5-1 s slower than the rest (class loading and JIT of the
   * client and of Jetty, measured on a 2-core machine under load).
   */
  public void warmUp() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(uri("/__grader/warm")).timeout(Duration.ofSeconds(10)).build();
    for (int i = 0; i < 3; i++) {
      client.send(request, BodyHandlers.ofString());
    }
  }

  /** Releases anything the gate holds and stops the server. */
  @Override
  public void close() {
    gate.disarm();
    server.stop();
  }
}
