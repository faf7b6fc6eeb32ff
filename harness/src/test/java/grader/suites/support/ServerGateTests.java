package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.suites.support.ServerGate.Observation;
import grader.suites.support.ServerGate.Plan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ServerGateTests {
  private static final ServerGate GATE = new ServerGate();
  private static StubServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    server = StubServer.start(GATE);
    for (int i = 0; i < 5; i++) {
      server.stubText("/gate/" + i, 200, "body " + i, 0);
      server.stubText("/other/" + i, 200, "other " + i, 0);
    }
    server.warmUp();
    client = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void disarm() {
    GATE.disarm();
  }

  @Test
  void concurrentRequestsMeetAtTheRendezvous() throws Exception {
    GATE.arm(Plan.rendezvous("/gate/", 4, Duration.ofSeconds(5), Duration.ZERO));
    List<String> bodies = concurrently(4);
    Observation seen = GATE.observe();
    assertEquals(List.of("body 0", "body 1", "body 2", "body 3"), bodies);
    assertTrue(seen.met(), seen.toString());
    assertFalse(seen.broken(), seen.toString());
    assertEquals(4, seen.maxInside());
    assertEquals(4, seen.maxWaitingTogether());
    assertEquals(4, seen.answered());
  }

  @Test
  void sequentialRequestsBreakTheRendezvousOnceAndThenPass() throws Exception {
    GATE.arm(Plan.rendezvous("/gate/", 3, Duration.ofMillis(300), Duration.ZERO));
    long start = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      get("/gate/" + i);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Observation seen = GATE.observe();
    assertFalse(seen.met(), seen.toString());
    assertTrue(seen.broken(), seen.toString());
    assertEquals(1, seen.maxInside());
    assertEquals(3, seen.arrived());
    // Only the first request waits out the timeout; the others pass straight through.
    assertTrue(millis >= 300 && millis < 2_000, "took " + millis + " ms");
  }

  @Test
  void stayKeepsTheCountExactForOneRequestAfterAnother() throws Exception {
    GATE.arm(Plan.count("/gate/", Duration.ofMillis(50)));
    for (int i = 0; i < 3; i++) {
      get("/gate/" + i);
    }
    assertEquals(1, GATE.observe().maxInside(), "a response leaves the count before it is sent");
  }

  @Test
  void theArrivalProbeSeesEachRequestInOrderWhileItIsHeld() throws Exception {
    List<Integer> probed = new CopyOnWriteArrayList<>();
    List<Integer> insideWhenProbed = new CopyOnWriteArrayList<>();
    GATE.arm(Plan.staysByArrival("/gate/", List.of(Duration.ofMillis(100))), arrival -> {
      probed.add(arrival);
      insideWhenProbed.add(GATE.observe().arrived() - GATE.observe().answered());
    });
    for (int i = 0; i < 3; i++) {
      get("/gate/" + i);
    }
    assertEquals(List.of(0, 1, 2), probed);
    assertEquals(List.of(1, 1, 1), insideWhenProbed, "the probe runs before the request is answered");
    for (ServerGate.Exchange exchange : GATE.observe().exchanges()) {
      assertTrue(exchange.answeredNanos() - exchange.arrivedNanos() >= TimeUnit.MILLISECONDS.toNanos(100),
          "the probe's time is part of the stay, which is never cut short: " + exchange);
    }
  }

  @Test
  void stayShowsOverlappingRequestsTogether() throws Exception {
    GATE.arm(Plan.count("/gate/", Duration.ofMillis(400)));
    concurrently(3);
    assertEquals(3, GATE.observe().maxInside());
  }

  @Test
  void heldRequestsWaitUntilReleased() throws Exception {
    GATE.arm(Plan.hold("/gate/", Duration.ofSeconds(10)));
    List<CompletableFuture<HttpResponse<String>>> pending = IntStream.range(0, 3)
        .mapToObj(i -> client.sendAsync(request("/gate/" + i), BodyHandlers.ofString())).toList();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (GATE.observe().arrived() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(100);
    assertEquals(3, GATE.observe().arrived());
    assertEquals(0, GATE.observe().answered());
    assertTrue(pending.stream().noneMatch(CompletableFuture::isDone));
    GATE.release();
    for (CompletableFuture<HttpResponse<String>> response : pending) {
      assertEquals(200, response.get(5, TimeUnit.SECONDS).statusCode());
    }
    assertEquals(3, GATE.observe().answered());
    assertFalse(GATE.observe().holdExpired());
  }

  @Test
  void aHoldEndsAtItsDeadline() throws Exception {
    GATE.arm(Plan.hold("/gate/", Duration.ofMillis(300)));
    assertEquals(200, get("/gate/0").statusCode());
    assertTrue(GATE.observe().holdExpired());
    assertEquals(1, GATE.observe().answered());
  }

  @Test
  void requestsOutsideThePrefixAreNotWatched() throws Exception {
    GATE.arm(Plan.hold("/gate/", Duration.ofSeconds(10)));
    assertEquals(200, get("/other/1").statusCode());
    assertEquals(0, GATE.observe().arrived());
  }

  @Test
  void disarmedGateSeesNothing() throws Exception {
    get("/gate/1");
    assertEquals(0, GATE.observe().arrived());
  }

  @Test
  void planRejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> Plan.count("gate/", Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> Plan.rendezvous("/gate/", 0, Duration.ZERO, Duration.ZERO));
  }

  private static List<String> concurrently(int count) {
    List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, count)
        .mapToObj(i -> client.sendAsync(request("/gate/" + i), BodyHandlers.ofString())).toList();
    return responses.stream().map(CompletableFuture::join).map(HttpResponse::body).toList();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path), BodyHandlers.ofString());
  }

  private static HttpRequest request(String path) {
    URI uri = server.uri(path);
    return HttpRequest.newBuilder(uri).build();
  }
}
