package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StubServerTests {
  private static StubServer server;

  @BeforeAll
  static void start() {
    server = StubServer.start(new ServerGate());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void listensOnTheLoopbackAddressByNumber() {
    assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"), server.baseUrl());
    assertEquals(server.baseUrl() + "/x", server.uri("/x").toString());
  }

  @Test
  void answersHttp11EvenWhenTheClientOffersAnUpgradeToH2c() throws Exception {
    // The JDK client's default is HTTP/2: it asks a plain-HTTP server to upgrade, which went wrong
    // now and then for large concurrent bodies; the server must decline.
    server.stubBytes("/big", new byte[200_000], 0);
    HttpResponse<byte[]> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(server.uri("/big")).build(), BodyHandlers.ofByteArray());
    assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    assertEquals(200_000, response.body().length);
  }

  @Test
  void refusesTheAdminApiOnTheStudentsPort() throws Exception {
    // A submission gets this port: over HTTP it must not reset delays, stubs or the journal.
    server.stubText("/admin-check/slow", 200, "slow", 300);
    HttpClient client = HttpClient.newHttpClient();
    for (String path : List.of("/__admin/mappings", "/__admin/requests", "/__admin/settings")) {
      HttpResponse<String> read = client.send(HttpRequest.newBuilder(server.uri(path)).build(), BodyHandlers.ofString());
      assertEquals(401, read.statusCode(), "GET " + path);
    }
    for (String path : List.of("/__admin/reset", "/__admin/mappings/reset", "/__admin/requests/reset")) {
      HttpResponse<String> reset = client.send(HttpRequest.newBuilder(server.uri(path))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
      assertEquals(401, reset.statusCode(), "POST " + path);
    }
    HttpResponse<String> settings = client.send(HttpRequest.newBuilder(server.uri("/__admin/settings"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"fixedDelay\": 0}")).build(), BodyHandlers.ofString());
    assertEquals(401, settings.statusCode());
    long start = System.nanoTime();
    HttpResponse<String> slow = client.send(HttpRequest.newBuilder(server.uri("/admin-check/slow")).build(),
        BodyHandlers.ofString());
    assertEquals("slow", slow.body());
    assertTrue(System.nanoTime() - start >= 300_000_000L, "the stub keeps its delay");
    assertTrue(server.requestedUrls("/admin-check/").contains("/admin-check/slow"), "the journal is kept");
  }

  @Test
  void aDribbledBodyArrivesInPiecesAndTheGateSeesItCompleteOnlyAfterTheLast() throws Exception {
    ServerGate gate = new ServerGate();
    try (StubServer dribbling = StubServer.start(gate)) {
      dribbling.stub("/dribble/x", com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
          .withBody(new byte[64 * 1024]).withChunkedDribbleDelay(8, 800));
      gate.arm(ServerGate.Plan.count("/dribble/", java.time.Duration.ZERO));
      long start = System.nanoTime();
      HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(dribbling.uri("/dribble/x")).build(), BodyHandlers.ofInputStream());
      long firstBytes;
      long total = 0;
      try (java.io.InputStream in = response.body()) {
        byte[] buffer = new byte[1024];
        int read = in.read(buffer);
        firstBytes = System.nanoTime();
        while (read >= 0) {
          total += read;
          read = in.read(buffer);
        }
      }
      assertEquals(64 * 1024, total);
      // WireMock reports completion after its last write, possibly after the client read it.
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!gate.observe().exchange("/dribble/x").orElseThrow().completed() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      ServerGate.Exchange exchange = gate.observe().exchange("/dribble/x").orElseThrow();
      assertTrue(exchange.completed(), "the gate saw the response complete: " + exchange);
      assertTrue(exchange.answeredNanos() < firstBytes, "the gate let the request go before the client had anything");
      long completed = exchange.completedNanos();
      assertTrue(firstBytes - start < 600_000_000L, "the first piece came early: " + (firstBytes - start) / 1_000_000 + " ms");
      assertTrue(completed - firstBytes > 300_000_000L,
          "the response stayed open after the first piece: " + (completed - firstBytes) / 1_000_000 + " ms");
    }
  }

  @Test
  void servesBytesUnchangedAndRecordsTheRequests() throws Exception {
    byte[] bytes = {0, '\r', '\n', (byte) 0xC3, 0x28, (byte) 0xFF};
    server.stubBytes("/journal/bytes", bytes, 0);
    HttpResponse<byte[]> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(server.uri("/journal/bytes?x=1")).build(), BodyHandlers.ofByteArray());
    assertArrayEquals(bytes, response.body());
    assertEquals(List.of("/journal/bytes?x=1"), server.requestedUrls("/journal/"));
  }
}
