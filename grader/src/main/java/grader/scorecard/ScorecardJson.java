package grader.scorecard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes scorecards as JSON: snake_case names, numbers as plain decimals, sorted map
 * keys, and atomic file writes so a reader never sees half a scorecard.
 */
public final class ScorecardJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ScorecardJson() {}

  /** The shared mapper: immutable configuration, safe to use from any thread. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Scorecard scorecard) {
    try {
      return MAPPER.writeValueAsString(scorecard) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the scorecard", e);
    }
  }

  public static Scorecard fromJson(String json) throws IOException {
    return MAPPER.readValue(json, Scorecard.class);
  }

  public static Scorecard read(Path file) throws IOException {
    return fromJson(Files.readString(file));
  }

  /** Writes {@code scorecard} to {@code file} through a temporary sibling and an atomic move. */
  public static void write(Scorecard scorecard, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".scorecard", ".tmp");
    try {
      Files.writeString(tmp, toJson(scorecard));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
