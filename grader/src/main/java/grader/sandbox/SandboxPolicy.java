package grader.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The resource limits of every run, from the defaults or a limits file ({@code --limits FILE}),
 * optionally different per exercise. The file is JSON; every key is optional and falls back to the
 * default (see docs/SANDBOX.md):
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
    HEAP_MEGABYTES("heap_megabytes", ResourceLimits::heapMegabytes),
    METASPACE_MEGABYTES("metaspace_megabytes", ResourceLimits::metaspaceMegabytes),
    MEMORY_MEGABYTES("memory_megabytes", ResourceLimits::memoryMegabytes),
    MAX_TASKS("max_tasks", ResourceLimits::maxTasks),
    MAX_OPEN_FILES("max_open_files", ResourceLimits::maxOpenFiles),
    MAX_FILE_MEGABYTES("max_file_megabytes", ResourceLimits::maxFileMegabytes),
    TMP_MEGABYTES("tmp_megabytes", ResourceLimits::tmpMegabytes),
    MAX_OUTPUT_BYTES("max_output_bytes", ResourceLimits::maxOutputBytes),
    ACTIVE_PROCESSORS("active_processors", ResourceLimits::activeProcessors),
    WALL_CLOCK_SECONDS("wall_clock_seconds", l -> l.wallClock().toSeconds()),
    MAX_WORK_MEGABYTES("max_work_megabytes", ResourceLimits::maxWorkMegabytes),
    MAX_WORK_FILES("max_work_files", ResourceLimits::maxWorkFiles);

    final String json;
    final ToLongFunction<ResourceLimits> current;

    Key(String json, ToLongFunction<ResourceLimits> current) {
      this.json = json;
      this.current = current;
    }
  }

  private static final String EXERCISES = "exercises";

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
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidLimitsException("limits file " + source + " is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidLimitsException("limits file " + source + " must hold a JSON object such as"
          + " {\"wall_clock_seconds\": 180}");
    }
    ResourceLimits defaults = apply(ResourceLimits.defaults(), root, source, "", true);
    Map<String, ResourceLimits> perExercise = new TreeMap<>();
    JsonNode exercises = root.get(EXERCISES);
    if (exercises != null) {
      if (!exercises.isObject()) {
        throw new InvalidLimitsException(source + ": \"" + EXERCISES + "\" must be an object of exercise id to limits,"
            + " e.g. {\"compare\": {\"wall_clock_seconds\": 300}}");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = exercises.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isObject()) {
          throw new InvalidLimitsException(source + ": exercises." + entry.getKey() + " must be an object of limits");
        }
        perExercise.put(entry.getKey(), apply(defaults, entry.getValue(), source, EXERCISES + "." + entry.getKey() + ".",
            false));
      }
    }
    return new SandboxPolicy(defaults, perExercise);
  }

  private static ResourceLimits apply(ResourceLimits base, JsonNode object, String source, String prefix,
      boolean topLevel) throws InvalidLimitsException {
    Map<Key, Long> values = new LinkedHashMap<>();
    for (Key key : Key.values()) {
      values.put(key, key.current.applyAsLong(base));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (topLevel && entry.getKey().equals(EXERCISES)) {
        continue;
      }
      Key key = find(entry.getKey());
      if (key == null) {
        throw new InvalidLimitsException(source + ": unknown key \"" + prefix + entry.getKey() + "\"; known keys: "
            + String.join(", ", knownKeys()) + (topLevel ? ", " + EXERCISES : ""));
      }
      JsonNode value = entry.getValue();
      if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1) {
        throw new InvalidLimitsException(source + ": \"" + prefix + key.json + "\" must be a positive whole number, was "
            + value);
      }
      values.put(key, value.asLong());
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

  private static int toInt(Map<Key, Long> values, Key key, String source, String prefix) throws InvalidLimitsException {
    long value = values.get(key);
    if (value > Integer.MAX_VALUE) {
      throw new InvalidLimitsException(source + ": \"" + prefix + key.json + "\" is too large: " + value);
    }
    return (int) value;
  }

  private static Key find(String json) {
    for (Key key : Key.values()) {
      if (key.json.equals(json)) {
        return key;
      }
    }
    return null;
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
