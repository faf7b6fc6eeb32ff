package grader.scorecard;

import grader.rubric.RubricException;
import grader.rubric.RubricLoader;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a scorecard someone hands in is one this grader could have written: it parses under
 * the schema's exact field names (no unknown field, no missing one), names the schema this grader
 * writes, and its numbers add up (every total the sum of its parts, no score above its maximum).
 * Says what is wrong, field by field; it cannot prove who wrote it (the CI attestation does that).
 */
public final class ScorecardCheck {
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  /** The exercises of the installed rubric index: a scorecard names no other. */
  private static final List<String> EXERCISE_IDS = exerciseIds();

  private ScorecardCheck() {}

  private static List<String> exerciseIds() {
    try {
      return RubricLoader.ofGrader().load().exerciseIds();
    } catch (RubricException e) {
      throw new IllegalStateException("the grader's own rubric is broken: " + e.getMessage(), e);
    }
  }

  /**
   * The scorecard in {@code json}, or an exception whose message names the broken field. The derived
   * {@code full_marks} the writer adds is checked against the totals, not read.
   */
  public static Scorecard parse(String json) throws IOException {
    JsonNode tree = STRICT.readTree(json);
    if (!(tree instanceof ObjectNode)) {
      throw new IOException("a scorecard is a JSON object, this is " + tree.getNodeType());
    }
    JsonNode fullMarks = ((ObjectNode) tree).remove("full_marks");
    Scorecard card = STRICT.treeToValue(tree, Scorecard.class);
    if (fullMarks != null && (!fullMarks.isBoolean() || fullMarks.booleanValue() != card.isFullMarks())) {
      throw new IOException("full_marks is " + fullMarks + " but the score is " + card.score() + " of " + card.maxScore());
    }
    return card;
  }

  /** What is inconsistent in {@code scorecard}; empty if nothing is. */
  public static List<String> problems(Scorecard card) {
    List<String> problems = new ArrayList<>();
    if (!Scorecard.SCHEMA.equals(card.schema())) {
      problems.add("schema is \"" + card.schema() + "\", this grader writes \"" + Scorecard.SCHEMA + "\"");
    }
    if (card.submission().sha256() == null || !card.submission().sha256().matches("[0-9a-f]{64}")) {
      problems.add("submission.sha256 must be 64 hexadecimal digits, was " + card.submission().sha256());
    }
    if (card.grader().version() == null || card.grader().suiteHash() == null) {
      problems.add("grader.version and grader.suite_hash must be present");
    }
    BigDecimal score = BigDecimal.ZERO;
    BigDecimal max = BigDecimal.ZERO;
    BigDecimal heldBack = null;
    for (ExerciseResult exercise : card.exercises()) {
      String where = "exercise " + exercise.id();
      if (exercise.id() == null || !EXERCISE_IDS.contains(exercise.id())) {
        problems.add("exercises[].id must be one of " + EXERCISE_IDS + ", was " + exercise.id());
        continue;
      }
      if (exercise.score() == null || exercise.maxScore() == null || exercise.status() == null) {
        problems.add(where + ": score, max_score and status must be present");
        continue;
      }
      BigDecimal tests = BigDecimal.ZERO;
      BigDecimal testsMax = BigDecimal.ZERO;
      for (TestResult test : exercise.tests()) {
        if (test.score() == null || test.maxScore() == null || test.status() == null) {
          problems.add(where + ", test " + test.id() + ": score, max_score and status must be present");
          continue;
        }
        if (test.score().signum() < 0 || test.score().compareTo(test.maxScore()) > 0) {
          problems.add(where + ", test " + test.id() + ": score " + test.score() + " is outside 0.." + test.maxScore());
        }
        if (test.status() != TestStatus.PASSED && test.score().signum() != 0) {
          problems.add(where + ", test " + test.id() + ": " + test.status() + " but scored " + test.score());
        }
        tests = tests.add(test.score());
        testsMax = testsMax.add(test.maxScore());
      }
      if (exercise.score().compareTo(tests) != 0) {
        problems.add(where + ": score " + exercise.score() + " is not the sum of its tests' (" + tests + ")");
      }
      if (!exercise.tests().isEmpty() && exercise.maxScore().compareTo(testsMax) != 0) {
        problems.add(where + ": max_score " + exercise.maxScore() + " is not the sum of its tests' (" + testsMax + ")");
      }
      score = score.add(exercise.score());
      max = max.add(exercise.maxScore());
      if (exercise.heldBackPoints() != null) {
        heldBack = (heldBack == null ? BigDecimal.ZERO : heldBack).add(exercise.heldBackPoints());
      }
    }
    if (card.score() == null || card.score().compareTo(score) != 0) {
      problems.add("score " + card.score() + " is not the sum of the exercises' (" + score + ")");
    }
    if (card.maxScore() == null || card.maxScore().compareTo(max) != 0) {
      problems.add("max_score " + card.maxScore() + " is not the sum of the exercises' (" + max + ")");
    }
    if (!(heldBack == null ? card.heldBackPoints() == null
        : card.heldBackPoints() != null && heldBack.compareTo(card.heldBackPoints()) == 0)) {
      problems.add("held_back_points " + card.heldBackPoints() + " is not the sum of the exercises' (" + heldBack + ")");
    }
    return problems;
  }
}
