package grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import grader.scorecard.ScorecardJson;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * A scorecard as Gradescope's autograder {@code results.json}: the total as {@code score}, and one
 * entry per test with its name, number, points, status and feedback. An exercise that could not be
 * graded normally gets one more entry, worth nothing extra, that says why.
 */
public final class GradescopeReport implements ScorecardRenderer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public String render(Scorecard scorecard) {
    ObjectNode results = NODES.objectNode();
    results.put("score", number(scorecard.score()));
    results.put("execution_time", Math.round(scorecard.durationMs() / 1000.0));
    results.put("output", summary(scorecard));
    results.put("output_format", "text");
    results.put("visibility", "visible");
    results.put("stdout_visibility", "hidden");
    ObjectNode extra = results.putObject("extra_data");
    extra.put("schema", scorecard.schema());
    extra.put("submission", scorecard.submission().id());
    extra.put("sha256", scorecard.submission().sha256());
    extra.put("isolation", scorecard.isolation().id());
    ArrayNode tests = results.putArray("tests");
    int exerciseNumber = 0;
    for (ExerciseResult exercise : scorecard.exercises()) {
      exerciseNumber++;
      int testNumber = 0;
      if (exercise.status() != ExerciseStatus.GRADED) {
        StringBuilder output = new StringBuilder(exercise.message() == null ? "" : exercise.message());
        for (Diagnostic d : exercise.diagnostics()) {
          output.append('\n').append(ReportText.location(d)).append(d.kind()).append(": ").append(d.message());
        }
        // Worth the exercise only when there are no test entries to carry its points.
        BigDecimal max = exercise.tests().isEmpty() ? exercise.maxScore() : BigDecimal.ZERO;
        entry(tests, exercise, exercise.id() + ": " + ReportText.label(exercise.status()), exerciseNumber + ".0",
            BigDecimal.ZERO, max, "failed", output.toString());
      }
      for (TestResult test : exercise.tests()) {
        testNumber++;
        StringBuilder output = new StringBuilder(test.message() == null ? "" : test.message().strip());
        if (!test.measurements().isEmpty()) {
          output.append(output.length() == 0 ? "" : "\n").append("measured: ")
              .append(ReportText.measurements(test.measurements()));
        }
        entry(tests, exercise, exercise.id() + ": " + test.name(), exerciseNumber + "." + testNumber, test.score(),
            test.maxScore(), test.status() == TestStatus.PASSED ? "passed" : "failed", output.toString());
      }
    }
    try {
      return ScorecardJson.mapper().writeValueAsString(results) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write results.json", e);
    }
  }

  private static void entry(ArrayNode tests, ExerciseResult exercise, String name, String number, BigDecimal score,
      BigDecimal max, String status, String output) {
    ObjectNode test = tests.addObject();
    test.put("name", name);
    test.put("number", number);
    test.put("score", number(score));
    test.put("max_score", number(max));
    test.put("status", status);
    test.put("output", output);
    test.put("output_format", "text");
    test.put("visibility", "visible");
    test.putArray("tags").add(exercise.id());
  }

  private static String summary(Scorecard scorecard) {
    StringBuilder out = new StringBuilder();
    for (ExerciseResult exercise : scorecard.exercises()) {
      out.append(exercise.id()).append(" · ").append(exercise.title()).append(": ")
          .append(Points.of(exercise.score(), exercise.maxScore()));
      if (exercise.status() != ExerciseStatus.GRADED) {
        out.append(" (").append(ReportText.label(exercise.status())).append(')');
      }
      out.append('\n');
    }
    out.append("Total: ").append(Points.of(scorecard.score(), scorecard.maxScore())).append('\n');
    for (String warning : scorecard.warnings()) {
      out.append("Warning: ").append(warning).append('\n');
    }
    return out.toString();
  }

  private static BigDecimal number(BigDecimal value) {
    return new BigDecimal(Points.format(value));
  }
}
