package grader.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The resource limits of every run, from the defaults or a limits file ({@code --limits FILE}),
 * optionally different per exercise. The file is JSON, each limits object bound by Jackson to key
 * and value (no coercion: only whole numbers); every key is optional and falls back to the default
 * (see docs/SANDBOX.md):
 *
 * <pre>{@code
 * {
 *   "wall_clock_seconds": 180,
 *   "heap_megabytes": 256,
 *   "exercises": { "compare": { "wall_clock_seconds": 300 } }
 * }
 * }</pre>
 *
 * @param defaults the limits of every exercise not listed in {@code perExercise}
 * @param perExercise limits of single exercises, by exercise id
 */
public record SandboxPolicy(ResourceLimits defaults, Map<String, ResourceLimits> perExercise) {

  /** One key of the file: its name, unit and where its value goes. */
  private enum Key {
    @JsonProperty("heap_megabytes") HEAP_MEGABYTES("heap_megabytes", ResourceLimits::heapMegabytes),
    @JsonProperty("metaspace_megabytes") METASPACE_MEGABYTES("metaspace_megabytes", ResourceLimits::metaspaceMegabytes),
    @JsonProperty("memory_megabytes") MEMORY_MEGABYTES("memory_megabytes", ResourceLimits::memoryMegabytes),
    @JsonProperty("max_tasks") MAX_TASKS("max_tasks", ResourceLimits::maxTasks),
    @JsonProperty("max_open_files") MAX_OPEN_FILES("max_open_files", ResourceLimits::maxOpenFiles),
    @JsonProperty("max_file_megabytes") MAX_FILE_MEGABYTES("max_file_megabytes", ResourceLimits::maxFileMegabytes),
    @JsonProperty("tmp_megabytes") TMP_MEGABYTES("tmp_megabytes", ResourceLimits::tmpMegabytes),
    @JsonProperty("max_output_bytes") MAX_OUTPUT_BYTES("max_output_bytes", ResourceLimits::maxOutputBytes),
    @JsonProperty("active_processors") ACTIVE_PROCESSORS("active_processors", ResourceLimits::activeProcessors),
    @JsonProperty("wall_clock_seconds") WALL_CLOCK_SECONDS("wall_clock_seconds", l -> l.wallClock().toSeconds()),
    @JsonProperty("max_work_megabytes") MAX_WORK_MEGABYTES("max_work_megabytes", ResourceLimits::maxWorkMegabytes),
    @JsonProperty("max_work_files") MAX_WORK_FILES("max_work_files", ResourceLimits::maxWorkFiles);

    final String json;
    final ToLongFunction<ResourceLimits> current;

    Key(String json, ToLongFunction<ResourceLimits> current) {
      this.json = json;
      this.current = current;
    }
  }

  private static final String EXERCISES = "exercises";

  /** A limits object as written: key (by its JSON name) to value, strictly whole numbers. */
  private static final TypeReference<EnumMap<Key, Long>> VALUES = new TypeReference<>() {};
  private static final ObjectMapper MAPPER = strictMapper();

  /** No coercion: {@code "256"}, {@code 2.5} and {@code true} are no whole numbers. */
  private static ObjectMapper strictMapper() {
    JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return mapper;
  }

  public SandboxPolicy {
    perExercise = Map.copyOf(perExercise);
  }

  /** The built-in limits for every exercise. */
  public static SandboxPolicy standard() {
    return new SandboxPolicy(ResourceLimits.defaults(), Map.of());
  }

  /** The limits of one exercise. */
  public ResourceLimits limitsFor(String exerciseId) {
    return perExercise.getOrDefault(exerciseId, defaults);
  }

  /** Reads a limits file; every problem is reported with the file name, the key and the fix. */
  public static SandboxPolicy load(Path file) throws InvalidLimitsException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidLimitsException("cannot read limits file " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses the JSON of a limits file; {@code source} names it in messages. */
  public static SandboxPolicy parse(String json, String source) throws InvalidLimitsException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidLimitsException("limits file " + source + " is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidLimitsException("limits file " + source + " must hold a JSON object such as"
          + " {\"wall_clock_seconds\": 180}");
    }
    ObjectNode top = root.deepCopy();
    JsonNode exercises = top.remove(EXERCISES);
    ResourceLimits defaults = apply(ResourceLimits.defaults(), top, source, "", true);
    Map<String, ResourceLimits> perExercise = new TreeMap<>();
    if (exercises != null) {
      if (!exercises.isObject()) {
        throw new InvalidLimitsException(source + ": \"" + EXERCISES + "\" must be an object of exercise id to limits,"
            + " e.g. {\"compare\": {\"wall_clock_seconds\": 300}}");
      }
      for (Map.Entry<String, JsonNode> entry : exercises.properties()) {
        if (!entry.getValue().isObject()) {
          throw new InvalidLimitsException(source + ": exercises." + entry.getKey() + " must be an object of limits");
        }
        perExercise.put(entry.getKey(), apply(defaults, entry.getValue(), source, EXERCISES + "." + entry.getKey() + ".",
            false));
      }
    }
    return new SandboxPolicy(defaults, perExercise);
  }

  /** {@code base} with the values of one limits object (bound by Jackson, then checked) in place. */
  private static ResourceLimits apply(ResourceLimits base, JsonNode object, String source, String prefix,
      boolean topLevel) throws InvalidLimitsException {
    Map<Key, Long> written = bind(object, source, prefix, topLevel);
    Map<Key, Long> values = new LinkedHashMap<>();
    for (Key key : Key.values()) {
      values.put(key, key.current.applyAsLong(base));
    }
    for (Map.Entry<Key, Long> entry : written.entrySet()) {
      Long value = entry.getValue();
      if (value == null || value < 1) {
        throw new InvalidLimitsException(source + ": \"" + prefix + entry.getKey().json
            + "\" must be a positive whole number, was " + value);
      }
      values.put(entry.getKey(), value);
    }
    try {
      return new ResourceLimits(toInt(values, Key.HEAP_MEGABYTES, source, prefix),
          toInt(values, Key.METASPACE_MEGABYTES, source, prefix), toInt(values, Key.MEMORY_MEGABYTES, source, prefix),
          toInt(values, Key.MAX_TASKS, source, prefix), toInt(values, Key.MAX_OPEN_FILES, source, prefix),
          toInt(values, Key.MAX_FILE_MEGABYTES, source, prefix), toInt(values, Key.TMP_MEGABYTES, source, prefix),
          values.get(Key.MAX_OUTPUT_BYTES), toInt(values, Key.ACTIVE_PROCESSORS, source, prefix),
          Duration.ofSeconds(values.get(Key.WALL_CLOCK_SECONDS)), toInt(values, Key.MAX_WORK_MEGABYTES, source, prefix),
          toInt(values, Key.MAX_WORK_FILES, source, prefix));
    } catch (IllegalArgumentException e) {
      throw new InvalidLimitsException(source + (prefix.isEmpty() ? "" : " (" + prefix.replaceAll("\\.$", "") + ")")
          + ": " + e.getMessage());
    }
  }

  /** One limits object bound to key and value; an unknown key or a value of the wrong type is named. */
  private static Map<Key, Long> bind(JsonNode object, String source, String prefix, boolean topLevel)
      throws InvalidLimitsException {
    try {
      return MAPPER.readerFor(VALUES).readValue(object);
    } catch (InvalidFormatException e) {
      if (e.getTargetType() == Key.class) {
        throw new InvalidLimitsException(source + ": unknown key \"" + prefix + e.getValue() + "\"; known keys: "
            + String.join(", ", knownKeys()) + (topLevel ? ", " + EXERCISES : ""));
      }
      throw wrongValue(e, object, source, prefix);
    } catch (JsonMappingException e) {
      throw wrongValue(e, object, source, prefix);
    } catch (IOException e) {
      throw new InvalidLimitsException(source + ": " + e.getMessage());
    }
  }

  private static InvalidLimitsException wrongValue(JsonMappingException e, JsonNode object, String source,
      String prefix) {
    String key = e.getPath().isEmpty() ? "?" : e.getPath().get(0).getFieldName();
    return new InvalidLimitsException(source + ": \"" + prefix + key + "\" must be a positive whole number, was "
        + object.get(key));
  }

  private static int toInt(Map<Key, Long> values, Key key, String source, String prefix) throws InvalidLimitsException {
    long value = values.get(key);
    if (value > Integer.MAX_VALUE) {
      throw new InvalidLimitsException(source + ": \"" + prefix + key.json + "\" is too large: " + value);
    }
    return (int) value;
  }

  /** The keys a limits file may use, in the file's documented order. */
  public static List<String> knownKeys() {
    return java.util.Arrays.stream(Key.values()).map(k -> k.json).toList();
  }

  /** The given limits as a limits file (every key), e.g. to show the defaults with {@code --limits}. */
  public static String toJson(ResourceLimits limits) {
    StringBuilder json = new StringBuilder("{\n");
    Key[] keys = Key.values();
    for (int i = 0; i < keys.length; i++) {
      json.append("  \"").append(keys[i].json).append("\": ").append(keys[i].current.applyAsLong(limits))
          .append(i + 1 < keys.length ? ",\n" : "\n");
    }
    return json.append("}\n").toString();
  }
}
