package grader.report.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import grader.report.Golden;
import grader.scorecard.ScorecardJson;
import grader.scorecard.TimelineItem;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timelines recorded by real gradings of solutions/ and of the bad fixtures whose mistake shows in
 * the picture (src/test/resources/timeline, captured by capture.sh there, see its README): their
 * pictures are golden files, and their shapes are the reference's or the mistake's ({@link
 * TimelineExpectations}). A fresh grading gives other times, so live gradings are checked by shape
 * only (FixtureVerdictsIT).
 */
class RecordedTimelineTests {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "solutions-threads-sleepsAllThreadsAtTheSameTime",
      "solutions-processes-startsAllWorkersBeforeWaitingForAny",
      "solutions-async-sendsAllRequestsBeforeAwaitingAny",
      "solutions-compare-threadsKeepExactlyThePoolSizeInFlight",
      "solutions-compare-processesStartOneWorkerJvmPerUrlBeforeWaiting",
      "solutions-compare-asyncHasEveryDownloadInFlightAtOnce"})
  void aSolutionsRecordedTimelineHasTheReferenceShape(String name) throws Exception {
    Recorded recorded = Recorded.load(name);
    assertEquals("passed", recorded.status());
    assertEquals(Optional.empty(), TimelineExpectations.referenceProblem(recorded.testId(), recorded.timeline()));
    assertMatchesGolden(name, recorded);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "threads-sequential-loop-threads-sleepsAllThreadsAtTheSameTime",
      "threads-join-in-start-loop-threads-sleepsAllThreadsAtTheSameTime",
      "compare-threads-single-thread-compare-threadsKeepExactlyThePoolSizeInFlight",
      "async-blocking-send-async-sendsAllRequestsBeforeAwaitingAny",
      "async-join-each-async-sendsAllRequestsBeforeAwaitingAny",
      "processes-waitfor-in-start-loop-processes-startsAllWorkersBeforeWaitingForAny"})
  void aBadFixturesRecordedTimelineShowsItsMistake(String name) throws Exception {
    Recorded recorded = Recorded.load(name);
    String fixture = TimelineExpectations.fixtures().stream().filter(f -> name.startsWith(f + "-")).findFirst()
        .orElseThrow();
    assertEquals("failed", recorded.status());
    assertEquals(Optional.empty(), TimelineExpectations.mistakeProblem(fixture, recorded.timeline()));
    if (TimelineShape.of(recorded.timeline()).keyKind() != null) {
      // (Worker starts only: the reference asks no more than that they start before the call returns.)
      assertTrue(TimelineExpectations.referenceProblem(recorded.testId(), recorded.timeline()).isPresent(),
          "the mistake's shape is not the reference's");
    }
    assertMatchesGolden(name, recorded);
  }

  private static void assertMatchesGolden(String name, Recorded recorded) throws Exception {
    Golden.assertMatches("timeline/" + name + ".svg", new TimelineSvg("t").render(recorded.name(),
        recorded.timeline(), TimelineReference.forTest(recorded.testId())));
  }

  /** One key test's timeline as capture.sh took it from a scorecard. */
  record Recorded(String testId, String name, String status, List<TimelineItem> timeline) {
    static Recorded load(String name) throws Exception {
      JsonNode json;
      try (InputStream in = RecordedTimelineTests.class.getResourceAsStream("/timeline/" + name + ".json")) {
        json = ScorecardJson.mapper().readTree(in);
      }
      return new Recorded(json.get("test_id").asText(), json.get("name").asText(), json.get("status").asText(),
          ScorecardJson.mapper().convertValue(json.get("timeline"), new TypeReference<List<TimelineItem>>() {}));
    }
  }
}
