package grader.report.timeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import grader.scorecard.ScorecardJson;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The reference shapes are keyed by the suites' test ids, which the grader's main code cannot see
 * (it does not depend on the suites): renaming a test would silently drop its picture's reference.
 * These fail instead, against the rubric the grader ships and against the harness's suite classes.
 */
class TimelineReferenceTests {
  private static final String[] SUITES = {
      "grader.suites.threads.SleepyThreadsSuite", "grader.suites.processes.SquareSumSuite",
      "grader.suites.async.ConcurrentFetcherSuite", "grader.suites.compare.ThreadDownloaderSuite",
      "grader.suites.compare.ProcessDownloaderSuite", "grader.suites.compare.AsyncDownloaderSuite"};

  @Test
  void everyTestWithAReferenceShapeIsATestOfTheRubric() throws Exception {
    Set<String> rubric = new HashSet<>();
    JsonNode index = read("/grader/rubric/index.json");
    for (JsonNode exercise : index) {
      for (JsonNode test : read("/grader/rubric/" + exercise.asText() + ".json").get("tests")) {
        rubric.add(test.get("id").asText());
      }
    }
    for (String id : TimelineReference.testIds()) {
      assertTrue(rubric.contains(id), "TimelineReference maps '" + id + "', which no rubric lists: " + rubric);
    }
  }

  @Test
  void everyTestWithAReferenceShapeIsATestMethodOfASuite() throws Exception {
    Set<String> methods = new HashSet<>();
    for (String suite : SUITES) {
      for (Method method : Class.forName(suite).getMethods()) {
        // @Test, @ParameterizedTest, @RepeatedTest: every kind of test method is (meta-)annotated @Testable.
        if (AnnotationSupport.isAnnotated(method, Testable.class)) {
          methods.add(method.getName());
        }
      }
    }
    Set<String> checked = new HashSet<>(TimelineReference.testIds());
    checked.addAll(TimelineExpectations.keyTestIds());
    for (String id : checked) {
      assertTrue(methods.contains(id), "'" + id + "' is no test method of the suites " + methods);
    }
  }

  private static JsonNode read(String resource) throws Exception {
    try (InputStream in = TimelineReferenceTests.class.getResourceAsStream(resource)) {
      assertTrue(in != null, "no resource " + resource);
      return ScorecardJson.mapper().readTree(in);
    }
  }
}
