package grader.rubric;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the rubric from the class path: {@code <base>/index.json} lists the exercise ids in report
 * order, and {@code <base>/<id>.json} holds each exercise. Jackson binds each file to a record
 * ({@link ExerciseFile}, {@link TestEntry}) with no coercion and no unknown field allowed (so a typo
 * like {@code "point"} cannot silently give a test zero points, nor {@code "1"} pass for a number);
 * the records are then checked, and a problem is a {@link RubricException} that names the file and
 * the field.
 */
public final class RubricLoader {
  /** Where the grader's own rubric lives on the class path. */
  public static final String DEFAULT_BASE = "grader/rubric";

  private static final ObjectMapper MAPPER = strictMapper();
  private static final Pattern EXERCISE_ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
  private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  /** What each field must be, for the message when a value has the wrong type. */
  private static final Map<String, String> REQUIREMENTS = Map.of(
      "exercise", "must be a non-empty string", "title", "must be a non-empty string",
      "suite", "must be a non-empty string", "classes", "must be an array", "tests", "must be an array",
      "id", "must be a non-empty string", "points", "must be a number >= 0", "review", "must be true or false",
      "min_ms", "must be a whole number of milliseconds >= 0", "visibility", "must be \"public\" or \"hidden\"");

  /** An exercise's rubric file as written; {@link #exercise} checks it. */
  record ExerciseFile(String exercise, String title, String suite, List<JsonNode> classes, JsonNode provided,
      List<JsonNode> tests, @JsonProperty("held_back_points") JsonNode heldBackPoints, JsonNode parts) {}

  /** One entry of an exercise's {@code tests}. */
  record TestEntry(String id, BigDecimal points, Boolean review, @JsonProperty("min_ms") Long minMs,
      String visibility) {}

  /** No coercion of scalars (a string is no number, a fraction no whole number), no unknown fields. */
  private static ObjectMapper strictMapper() {
    JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
              ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    return mapper;
  }

  private final ClassLoader classLoader;
  private final String base;

  public RubricLoader(ClassLoader classLoader, String base) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
    this.base = Objects.requireNonNull(base, "base must not be null").replaceAll("/+$", "");
  }

  /** The grader's rubric, from the class path that loaded the grader. */
  public static RubricLoader ofGrader() {
    return new RubricLoader(RubricLoader.class.getClassLoader(), DEFAULT_BASE);
  }

  public Rubric load() throws RubricException {
    String indexFile = base + "/index.json";
    JsonNode index = read(indexFile);
    if (!index.isArray() || index.isEmpty()) {
      throw new RubricException(indexFile + ": must be a non-empty array of exercise ids");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < index.size(); i++) {
      JsonNode id = index.get(i);
      if (!id.isTextual() || !EXERCISE_ID.matcher(id.asText()).matches()) {
        throw new RubricException(indexFile + ": entry [" + i + "] must be an exercise id like \"threads\", was " + id);
      }
      if (!ids.add(id.asText())) {
        throw new RubricException(indexFile + ": exercise '" + id.asText() + "' is listed twice");
      }
    }
    List<ExerciseRubric> exercises = new ArrayList<>();
    for (String id : ids) {
      exercises.add(exercise(id));
    }
    return new Rubric(exercises);
  }

  private ExerciseRubric exercise(String id) throws RubricException {
    String file = base + "/" + id + ".json";
    JsonNode root = read(file);
    if (!root.isObject()) {
      throw new RubricException(file + ": must be a JSON object");
    }
    ExerciseFile written = bind(file, root, "", ExerciseFile.class);
    String exercise = text(file, "exercise", written.exercise());
    if (!exercise.equals(id)) {
      throw new RubricException(file + ": field 'exercise' must be \"" + id + "\" (the file name), was \"" + exercise + "\"");
    }
    String title = text(file, "title", written.title());
    String suite = text(file, "suite", written.suite());
    if (!JAVA_NAME.matcher(suite).matches()) {
      throw new RubricException(file + ": field 'suite' must be a package name, was \"" + suite + "\"");
    }
    List<String> classes = new ArrayList<>();
    List<JsonNode> classNodes = array(file, "classes", written.classes());
    for (int i = 0; i < classNodes.size(); i++) {
      JsonNode c = classNodes.get(i);
      if (!c.isTextual() || !JAVA_NAME.matcher(c.asText()).matches()) {
        throw new RubricException(file + ": field 'classes[" + i + "]' must be a fully qualified class name, was " + c);
      }
      classes.add(c.asText());
    }
    List<String> provided = new ArrayList<>();
    JsonNode providedNodes = written.provided();
    if (providedNodes != null) {
      if (!providedNodes.isArray()) {
        throw new RubricException(file + ": field 'provided' must be an array of classes named in 'classes', was "
            + providedNodes);
      }
      for (JsonNode c : providedNodes) {
        if (!c.isTextual() || !classes.contains(c.asText())) {
          throw new RubricException(file + ": field 'provided' must name classes of 'classes', but has " + c);
        }
        provided.add(c.asText());
      }
    }
    List<TestPoints> tests = new ArrayList<>();
    Set<String> testIds = new LinkedHashSet<>();
    List<JsonNode> testNodes = array(file, "tests", written.tests());
    for (int i = 0; i < testNodes.size(); i++) {
      String where = "tests[" + i + "]";
      if (!testNodes.get(i).isObject()) {
        throw new RubricException(file + ": field '" + where + "' must be an object {\"id\", \"points\"}");
      }
      TestEntry test = bind(file, testNodes.get(i), where + ".", TestEntry.class);
      String testId = text(file, where + ".id", test.id());
      if (!METHOD_NAME.matcher(testId).matches()) {
        throw new RubricException(file + ": field '" + where + ".id' must be a test method name, was \"" + testId + "\"");
      }
      if (!testIds.add(testId)) {
        throw new RubricException(file + ": field '" + where + ".id': test '" + testId + "' is listed twice");
      }
      if (test.points() == null || test.points().signum() < 0) {
        throw new RubricException(file + ": field '" + where + ".points' must be a number >= 0, was "
            + testNodes.get(i).get("points"));
      }
      if (test.minMs() != null && test.minMs() < 0) {
        throw new RubricException(file + ": field '" + where + ".min_ms' must be a whole number of milliseconds >= 0, was "
            + test.minMs());
      }
      tests.add(new TestPoints(testId, test.points(), Boolean.TRUE.equals(test.review()),
          test.minMs() == null ? 0 : test.minMs(), visibility(file, where, testNodes.get(i).get("visibility"))));
    }
    JsonNode heldBack = written.heldBackPoints();
    if (heldBack != null && (!heldBack.isNumber() || heldBack.decimalValue().signum() <= 0)) {
      throw new RubricException(file + ": field 'held_back_points' must be a number > 0, was " + heldBack
          + " (make dist writes it into the student bundle's rubric; leave it out of the instructor's)");
    }
    return new ExerciseRubric(id, title, suite, classes, tests, heldBack == null ? null : heldBack.decimalValue(),
        provided, parts(file, written.parts()));
  }

  /**
   * The optional {@code parts}: at least two groups of suite classes, each named relative to the
   * suite package ({@code "ReportSuite"}, {@code "hidden.ExtraSuite"}), none empty, no class in two
   * groups. Whether they are the suite's classes, every one of them, only the suite can say: the
   * runner checks that against what each part's JVM discovered.
   */
  private static List<List<String>> parts(String file, JsonNode parts) throws RubricException {
    if (parts == null) {
      return List.of();
    }
    String usage = " (a list of at least two groups of suite classes, such as [[\"ASuite\"], [\"BSuite\","
        + " \"CSuite\"]], each group run in a harness JVM of its own)";
    if (!parts.isArray() || parts.size() < 2) {
      throw new RubricException(file + ": field 'parts' must be an array of at least two arrays, was " + parts + usage);
    }
    List<List<String>> groups = new ArrayList<>();
    Map<String, Integer> partOf = new HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      JsonNode group = parts.get(i);
      if (!group.isArray() || group.isEmpty()) {
        throw new RubricException(file + ": field 'parts[" + i + "]' must be a non-empty array of suite class names,"
            + " was " + group + usage);
      }
      List<String> names = new ArrayList<>();
      for (int j = 0; j < group.size(); j++) {
        JsonNode name = group.get(j);
        if (!name.isTextual() || !JAVA_NAME.matcher(name.asText()).matches() || name.asText().contains("$")) {
          throw new RubricException(file + ": field 'parts[" + i + "][" + j + "]' must be a suite class named"
              + " relative to the suite package (\"ReportSuite\", \"hidden.ExtraSuite\"), was " + name);
        }
        Integer earlier = partOf.putIfAbsent(name.asText(), i);
        if (earlier != null) {
          throw new RubricException(file + ": field 'parts[" + i + "][" + j + "]': suite class " + name.asText()
              + " is already in parts[" + earlier + "]; each suite class runs in exactly one part");
        }
        names.add(name.asText());
      }
      groups.add(names);
    }
    return groups;
  }

  /**
   * Binds {@code node} to {@code type}; a wrong type or an unknown field is a message naming the
   * field ({@code prefix} says where the node sits in the file) and the value as written.
   */
  private static <T> T bind(String file, JsonNode node, String prefix, Class<T> type) throws RubricException {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      Set<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      throw new RubricException(file + ": unknown field '" + prefix + e.getPropertyName() + "' (known: "
          + String.join(", ", known) + ")", e);
    } catch (JsonMappingException e) {
      List<JsonMappingException.Reference> path = e.getPath();
      String field = path.isEmpty() ? "?" : path.get(0).getFieldName();
      JsonNode value = field == null ? null : node.at(JsonPointer.compile("/" + field));
      throw new RubricException(file + ": field '" + prefix + field + "' "
          + REQUIREMENTS.getOrDefault(field, "has the wrong type") + ", was " + value, e);
    } catch (JsonProcessingException e) {
      throw new RubricException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Visibility visibility(String file, String where, JsonNode value) throws RubricException {
    if (value == null) {
      return Visibility.PUBLIC;
    }
    for (Visibility v : Visibility.values()) {
      if (value.isTextual() && value.asText().equals(v.label())) {
        return v;
      }
    }
    throw new RubricException(file + ": field '" + where + ".visibility' must be \"public\" or \"hidden\", was " + value);
  }

  private JsonNode read(String resource) throws RubricException {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new RubricException(resource + ": not found on the class path");
      }
      return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new RubricException(resource + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RubricException(resource + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String text(String file, String field, String value) throws RubricException {
    if (value == null || value.isBlank()) {
      throw new RubricException(file + ": field '" + field + "' must be a non-empty string, was "
          + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  private static List<JsonNode> array(String file, String field, List<JsonNode> value) throws RubricException {
    if (value == null) {
      throw new RubricException(file + ": field '" + field + "' must be an array, was null");
    }
    return value;
  }
}
