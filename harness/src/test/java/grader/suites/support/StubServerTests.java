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
  void servesBytesUnchangedAndRecordsTheRequests() throws Exception {
    byte[] bytes = {0, '\r', '\n', (byte) 0xC3, 0x28, (byte) 0xFF};
    server.stubBytes("/journal/bytes", bytes, 0);
    HttpResponse<byte[]> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(server.uri("/journal/bytes?x=1")).build(), BodyHandlers.ofByteArray());
    assertArrayEquals(bytes, response.body());
    assertEquals(List.of("/journal/bytes?x=1"), server.requestedUrls("/journal/"));
  }
}
