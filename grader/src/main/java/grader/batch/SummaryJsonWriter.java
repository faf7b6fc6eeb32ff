package grader.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grader.scorecard.ExerciseResult;
import grader.scorecard.GraderInfo;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import grader.scorecard.TestResult;
import java.io.UncheckedIOException;

/**
 * Renders {@code summary.json}: the summary for scripts, with every student's per-exercise and
 * per-test outcome and what graded them. Deterministic: sorted students, no timestamps, no
 * durations.
 */
public final class SummaryJsonWriter {
  public static final String SCHEMA = "concurrency-grader/batch-summary/v1";

  public String render(BatchSummary summary) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("schema", SCHEMA);
    ObjectNode totals = root.putObject("totals");
    totals.put("students", summary.students().size());
    totals.put("graded", summary.count(StudentStatus.GRADED));
    totals.put("errors", summary.count(StudentStatus.ERROR));
    totals.put("pending", summary.count(StudentStatus.PENDING));
    totals.put("max_score", summary.maxScore());
    summary.mean().ifPresentOrElse(m -> totals.put("mean", m), () -> totals.putNull("mean"));
    summary.median().ifPresentOrElse(m -> totals.put("median", m), () -> totals.putNull("median"));
    ArrayNode exercises = root.putArray("exercises");
    for (BatchSummary.ExerciseColumn column : summary.exercises()) {
      ObjectNode e = exercises.addObject();
      e.put("id", column.id());
      e.put("title", column.title());
      e.put("max_score", column.maxScore());
      ArrayNode tests = e.putArray("tests");
      for (BatchSummary.TestRate rate : summary.testRates().get(column.id())) {
        ObjectNode t = tests.addObject();
        t.put("id", rate.id());
        t.put("name", rate.name());
        t.put("passed", rate.passed());
        t.put("total", rate.total());
      }
    }
    ArrayNode students = root.putArray("students");
    for (StudentOutcome outcome : summary.students()) {
      ObjectNode s = students.addObject();
      s.put("id", outcome.id());
      s.put("source", outcome.entry().source());
      s.put("status", outcome.status().id());
      s.put("message", outcome.entry().message());
      s.put("input_sha256", outcome.entry().inputSha256());
      Scorecard card = outcome.scorecard();
      if (card == null) {
        s.putNull("score");
        s.putNull("max_score");
        continue;
      }
      s.put("score", card.score());
      s.put("max_score", card.maxScore());
      s.put("isolation", card.isolation().id());
      GraderInfo grader = card.grader();
      ObjectNode g = s.putObject("grader");
      g.put("version", grader.version());
      g.put("java", grader.java());
      g.put("suite_hash", grader.suiteHash());
      ArrayNode es = s.putArray("exercises");
      for (ExerciseResult exercise : card.exercises()) {
        ObjectNode e = es.addObject();
        e.put("id", exercise.id());
        e.put("score", exercise.score());
        e.put("max_score", exercise.maxScore());
        e.put("status", exercise.status().id());
        ObjectNode tests = e.putObject("tests");
        for (TestResult test : exercise.tests()) {
          tests.put(test.id(), test.status().id());
        }
      }
    }
    try {
      return ScorecardJson.mapper().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise the batch summary", e);
    }
  }
}
