package grader.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EventCodecTests {
  private final RunNonce nonce = RunNonce.generate(new SecureRandom());
  private final EventCodec codec = new EventCodec(nonce);

  private Event roundTrip(Event event) {
    String line = codec.encode(event);
    assertFalse(line.contains("\n"), "one event, one line: " + line);
    DecodedLine decoded = codec.decode(line);
    assertInstanceOf(DecodedLine.Accepted.class, decoded, () -> "rejected: " + decoded);
    return ((DecodedLine.Accepted) decoded).event();
  }

  @Test
  void everyEventSurvivesTheRoundTrip() {
    Map<String, String> measurements = new LinkedHashMap<>();
    measurements.put("max_concurrent_sleepers", "5");
    measurements.put("[2] elapsed_ms", "812");
    List<Event> events = List.of(
        new PlanEvent(0, List.of(new PlannedTest("sleepsOverlap", "threads sleep at the same time", "a.BSuite"))),
        new StartedEvent(1, "sleepsOverlap", null, 60_000),
        new StartedEvent(2, "sizes", "[1] n=7", 3_000),
        new FinishedEvent(3, "sleepsOverlap", ReportedStatus.FAILED, "Expected: 5\nObserved: \"1\" \u00e9", 812,
            measurements, "Thread 1 slept 5 ms\n", "[2] n=7"),
        new FinishedEvent(4, "sleepsOverlap", ReportedStatus.PASSED, null, 480, Map.of(), "", null,
            List.of(new TimelineEntry("Thread 1", "sleep", 12.5, 480.0, "slept 467 ms \"x\" \u00e9"),
                new TimelineEntry("Thread 1", "printed", 481.25, 481.25, ""),
                new TimelineEntry("call", "returned", 1.0E7, 1.0E7, "run returned"))),
        new RestartEvent(4, "sleepsOverlap", "timed out"),
        new DoneEvent(5, 1));
    for (Event event : events) {
      assertEquals(event, roundTrip(event));
    }
  }

  @Test
  void theNonceNeverAppearsInALine() {
    String line = codec.encode(new DoneEvent(0, 0));
    assertFalse(line.contains(nonce.value()));
    assertFalse(nonce.toString().contains(nonce.value()));
  }

  @Test
  void aLineSealedWithAnotherNonceIsRejected() {
    String line = new EventCodec(RunNonce.generate(new SecureRandom())).encode(new DoneEvent(0, 3));
    assertEquals(new DecodedLine.Rejected("wrong seal"), codec.decode(line));
  }

  @Test
  void aTamperedLineIsRejected() {
    String line = codec.encode(new FinishedEvent(1, "t", ReportedStatus.FAILED, "no", 1, Map.of(), "", null));
    String forged = line.replace("\"failed\"", "\"passed\"");
    assertTrue(!forged.equals(line));
    assertEquals(new DecodedLine.Rejected("wrong seal"), codec.decode(forged));
  }

  @Test
  void garbageIsRejectedNotThrown() {
    for (String line : List.of("", "garbage", "{}", "{\"seal\":\"x\",\"event\":{}}", "Thread 1 slept 5 ms",
        "{\"seal\":\"" + "0".repeat(64) + "\",\"event\":{\"type\":\"done\",\"seq\":0,\"count\":9}}")) {
      assertInstanceOf(DecodedLine.Rejected.class, codec.decode(line), line);
    }
  }

  @Test
  void anOverlongLineIsRejectedUnread() {
    String line = "x".repeat(EventCodec.MAX_LINE_CHARS + 1);
    DecodedLine decoded = codec.decode(line);
    assertInstanceOf(DecodedLine.Rejected.class, decoded);
    assertTrue(((DecodedLine.Rejected) decoded).reason().contains("longer than"));
  }

  @Test
  void aCorrectlySealedButInvalidEventIsStillRejected() throws Exception {
    String json = "{\"type\":\"finished\",\"seq\":1,\"test_id\":\"t\"}";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(nonce.value().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    String seal = HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
    DecodedLine decoded = codec.decode("{\"seal\":\"" + seal + "\",\"event\":" + json + "}");
    assertInstanceOf(DecodedLine.Rejected.class, decoded);
    assertTrue(((DecodedLine.Rejected) decoded).reason().startsWith("sealed line is not a valid event"));
  }

  @Test
  void aNonceIs64HexDigits() {
    assertThrows(IllegalArgumentException.class, () -> new RunNonce("abc"));
    assertThrows(IllegalArgumentException.class, () -> new RunNonce("G".repeat(64)));
    assertEquals(64, RunNonce.generate(new SecureRandom()).value().length());
  }
}
