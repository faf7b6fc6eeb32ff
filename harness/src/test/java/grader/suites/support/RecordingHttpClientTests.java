package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.suites.support.RecordingHttpClient.Mode;
import grader.suites.support.RecordingHttpClient.Subscription;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecordingHttpClientTests {
  private static StubServer server;

  @BeforeAll
  static void start() {
    server = StubServer.start(new ServerGate());
    server.stubBytes("/file", new byte[] {0, (byte) 0xFF, '\r', '\n'}, 0);
    server.stubText("/missing", 404, "gone", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void recordsSendAndSendAsyncSeparately() throws Exception {
    RecordingHttpClient client = RecordingHttpClient.wrapping(HttpClient.newHttpClient());
    HttpRequest request = HttpRequest.newBuilder(server.uri("/file")).build();
    client.send(request, BodyHandlers.ofString());
    client.sendAsync(request, BodyHandlers.ofString()).join();
    client.sendAsync(request, BodyHandlers.ofString(), null).join();
    assertEquals(1, client.count(Mode.SEND));
    assertEquals(2, client.count(Mode.SEND_ASYNC));
    assertEquals(List.of(Mode.SEND, Mode.SEND_ASYNC, Mode.SEND_ASYNC),
        client.calls().stream().map(RecordingHttpClient.Call::mode).toList());
  }

  @Test
  void ofFileIsSeenAsStreamingAndOfByteArrayIsNot(@TempDir Path dir) throws Exception {
    RecordingHttpClient client = RecordingHttpClient.wrapping(HttpClient.newHttpClient());
    HttpRequest request = HttpRequest.newBuilder(server.uri("/file")).build();
    Path file = dir.resolve("file.bin");
    client.sendAsync(request, BodyHandlers.ofFile(file)).join();
    client.sendAsync(request, BodyHandlers.ofByteArray()).join();
    List<Subscription> subscriptions = client.subscriptions();
    assertEquals(2, subscriptions.size());
    assertTrue(subscriptions.get(0).streamsToFile(), subscriptions.get(0).subscriberClass());
    assertFalse(subscriptions.get(1).streamsToFile(), subscriptions.get(1).subscriberClass());
    assertEquals(200, subscriptions.get(0).status());
    assertEquals(4, Files.size(file));
  }

  @Test
  void recordsTheStatusEachSubscriberSaw() throws Exception {
    RecordingHttpClient client = RecordingHttpClient.wrapping(HttpClient.newHttpClient());
    assertEquals(404, client.send(HttpRequest.newBuilder(server.uri("/missing")).build(),
        BodyHandlers.ofString()).statusCode());
    assertEquals(404, client.subscriptions().get(0).status());
  }

  @Test
  void delegatesTheClientsSettings() {
    HttpClient real = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    RecordingHttpClient client = RecordingHttpClient.wrapping(real);
    assertEquals(HttpClient.Version.HTTP_1_1, client.version());
    assertEquals(real.followRedirects(), client.followRedirects());
  }
}
