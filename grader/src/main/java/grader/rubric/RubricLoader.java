package grader.rubric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the rubric from the class path: {@code <base>/index.json} lists the exercise ids in report
 * order, and {@code <base>/<id>.json} holds each exercise. Everything is checked on the way in
 * (unknown fields too, so a typo like {@code "point"} cannot silently give a test zero points), and a
 * problem is a {@link RubricException} that names the file and the field.
 */
public final class RubricLoader {
  /** Where the grader's own rubric lives on the class path. */
  public static final String DEFAULT_BASE = "grader/rubric";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Pattern EXERCISE_ID = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
  private static final Pattern METHOD_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Set<String> EXERCISE_FIELDS = Set.of("exercise", "title", "suite", "classes", "provided", "tests",
      "held_back_points");
  private static final Set<String> TEST_FIELDS = Set.of("id", "points", "review", "min_ms", "visibility");

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
    rejectUnknown(file, "", root, EXERCISE_FIELDS);
    String exercise = text(file, root, "exercise");
    if (!exercise.equals(id)) {
      throw new RubricException(file + ": field 'exercise' must be \"" + id + "\" (the file name), was \"" + exercise + "\"");
    }
    String title = text(file, root, "title");
    String suite = text(file, root, "suite");
    if (!JAVA_NAME.matcher(suite).matches()) {
      throw new RubricException(file + ": field 'suite' must be a package name, was \"" + suite + "\"");
    }
    List<String> classes = new ArrayList<>();
    JsonNode classNodes = array(file, root, "classes");
    for (int i = 0; i < classNodes.size(); i++) {
      JsonNode c = classNodes.get(i);
      if (!c.isTextual() || !JAVA_NAME.matcher(c.asText()).matches()) {
        throw new RubricException(file + ": field 'classes[" + i + "]' must be a fully qualified class name, was " + c);
      }
      classes.add(c.asText());
    }
    List<String> provided = new ArrayList<>();
    JsonNode providedNodes = root.get("provided");
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
    JsonNode testNodes = array(file, root, "tests");
    for (int i = 0; i < testNodes.size(); i++) {
      String where = "tests[" + i + "]";
      JsonNode test = testNodes.get(i);
      if (!test.isObject()) {
        throw new RubricException(file + ": field '" + where + "' must be an object {\"id\", \"points\"}");
      }
      rejectUnknown(file, where + ".", test, TEST_FIELDS);
      String testId = text(file, test, "id", where + ".id");
      if (!METHOD_NAME.matcher(testId).matches()) {
        throw new RubricException(file + ": field '" + where + ".id' must be a test method name, was \"" + testId + "\"");
      }
      if (!testIds.add(testId)) {
        throw new RubricException(file + ": field '" + where + ".id': test '" + testId + "' is listed twice");
      }
      JsonNode points = test.get("points");
      if (points == null || !points.isNumber() || points.decimalValue().signum() < 0) {
        throw new RubricException(file + ": field '" + where + ".points' must be a number >= 0, was " + points);
      }
      JsonNode review = test.get("review");
      if (review != null && !review.isBoolean()) {
        throw new RubricException(file + ": field '" + where + ".review' must be true or false, was " + review);
      }
      JsonNode minMs = test.get("min_ms");
      if (minMs != null && (!minMs.canConvertToLong() || !minMs.isIntegralNumber() || minMs.longValue() < 0)) {
        throw new RubricException(file + ": field '" + where + ".min_ms' must be a whole number of milliseconds >= 0, was "
            + minMs);
      }
      BigDecimal value = points.decimalValue();
      tests.add(new TestPoints(testId, value, review != null && review.booleanValue(),
          minMs == null ? 0 : minMs.longValue(), visibility(file, where, test.get("visibility"))));
    }
    JsonNode heldBack = root.get("held_back_points");
    if (heldBack != null && (!heldBack.isNumber() || heldBack.decimalValue().signum() <= 0)) {
      throw new RubricException(file + ": field 'held_back_points' must be a number > 0, was " + heldBack
          + " (make dist writes it into the student bundle's rubric; leave it out of the instructor's)");
    }
    return new ExerciseRubric(id, title, suite, classes, tests, heldBack == null ? null : heldBack.decimalValue(),
        provided);
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

  private static void rejectUnknown(String file, String prefix, JsonNode node, Set<String> known) throws RubricException {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new RubricException(file + ": unknown field '" + prefix + name + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private static String text(String file, JsonNode node, String field) throws RubricException {
    return text(file, node, field, field);
  }

  private static String text(String file, JsonNode node, String field, String where) throws RubricException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new RubricException(file + ": field '" + where + "' must be a non-empty string, was " + value);
    }
    return value.asText();
  }

  private static JsonNode array(String file, JsonNode node, String field) throws RubricException {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new RubricException(file + ": field '" + field + "' must be an array, was " + value);
    }
    return value;
  }
}
