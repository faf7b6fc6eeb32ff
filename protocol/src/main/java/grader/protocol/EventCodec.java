package grader.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes events as sealed JSON lines and checks lines read back. A line is {@code
 * {"seal":"<hmac>","event":{...}}}: the seal is an HMAC-SHA256 keyed with the run's nonce over the
 * exact bytes of the event object, so the nonce itself never lands in the results file (which
 * student code can read) and a line cannot be forged or altered without it.
 *
 * <p>The two sides use different code on purpose. {@link #encode} runs in the harness JVM, next to
 * student code, and uses no library ({@link EventJson}); {@link #decode} runs only in the grader and
 * parses with Jackson databind, which the harness JVM does not even have on its module path (the
 * mapper lives in a holder class that only {@code decode} loads).
 *
 * <p>Not thread-safe (a {@link Mac} is stateful): use one codec per thread.
 */
public final class EventCodec {
  /** Longer lines are rejected unread; the child caps messages and output well below this. */
  public static final int MAX_LINE_CHARS = 256 * 1024;

  private static final String PREFIX = "{\"seal\":\"";
  private static final String MIDDLE = "\",\"event\":";
  private static final int SEAL_CHARS = 64;

  private final Mac mac;

  public EventCodec(RunNonce nonce) {
    Objects.requireNonNull(nonce, "nonce must not be null");
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(nonce.value().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java SE runtime", e);
    }
  }

  /** One line, without the line terminator. */
  public String encode(Event event) {
    String json = EventJson.of(event);
    return PREFIX + seal(json) + MIDDLE + json + "}";
  }

  /** Checks the seal first and parses only authentic lines. */
  public DecodedLine decode(String line) {
    if (line.length() > MAX_LINE_CHARS) {
      return new DecodedLine.Rejected("line longer than " + MAX_LINE_CHARS + " characters");
    }
    int eventStart = PREFIX.length() + SEAL_CHARS + MIDDLE.length();
    if (line.length() <= eventStart
        || !line.startsWith(PREFIX)
        || !line.startsWith(MIDDLE, PREFIX.length() + SEAL_CHARS)
        || !line.endsWith("}")) {
      return new DecodedLine.Rejected("not a sealed event line");
    }
    String claimed = line.substring(PREFIX.length(), PREFIX.length() + SEAL_CHARS);
    String json = line.substring(eventStart, line.length() - 1);
    byte[] expected = seal(json).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, claimed.getBytes(StandardCharsets.US_ASCII))) {
      return new DecodedLine.Rejected("wrong seal");
    }
    return Decoding.parse(json);
  }

  private String seal(String json) {
    return HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Everything that names a databind type, so that only the first {@link #decode} loads it (and the
   * verifier of {@link EventCodec} never needs it): the harness JVM has no databind.
   */
  private static final class Decoding {
    // Duplicate keys are refused: a sealed line has each key once, so two of them mean a bug.
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static DecodedLine parse(String json) {
      try {
        return new DecodedLine.Accepted(MAPPER.readValue(json, Event.class));
      } catch (JsonProcessingException e) {
        // Sealed but malformed can only be a harness bug; still fail closed.
        return new DecodedLine.Rejected("sealed line is not a valid event: " + e.getOriginalMessage());
      } catch (IllegalArgumentException | NullPointerException e) {
        return new DecodedLine.Rejected("sealed line is not a valid event: " + e.getMessage());
      }
    }
  }
}
