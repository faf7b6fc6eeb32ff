package grader.report.timeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import grader.report.Golden;
import grader.scorecard.ScorecardJson;
import grader.scorecard.TimelineItem;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Timelines recorded by real gradings (copied from a scorecard into src/test/resources/timeline):
 * their pictures are golden files, and their shapes are what the reference says. A fresh grading
 * would give other times, so live gradings are checked by shape only.
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
    JsonNode recorded;
    try (InputStream in = RecordedTimelineTests.class.getResourceAsStream("/timeline/" + name + ".json")) {
      recorded = ScorecardJson.mapper().readTree(in);
    }
    String testId = recorded.get("test_id").asText();
    List<TimelineItem> timeline = ScorecardJson.mapper().convertValue(recorded.get("timeline"),
        new TypeReference<List<TimelineItem>>() {});
    TimelineShape shape = TimelineShape.of(timeline);
    TimelineReference reference = TimelineReference.forTest(testId).orElseThrow();
    if (shape.keyKind() == null) {
      // Worker JVMs: only their starts are seen; all of them start before the call returns.
      assertTrue(shape.lanes().size() >= 3, name + ": " + shape);
    } else if (reference.allOverlap()) {
      assertTrue(shape.allOverlap(), name + ": " + shape);
    } else {
      assertTrue(shape.maxOverlap() > 1 && shape.maxOverlap() < shape.keyLanes(), name + ": " + shape);
    }
    Golden.assertMatches("timeline/" + name + ".svg",
        new TimelineSvg("t").render(recorded.get("name").asText(), timeline, java.util.Optional.of(reference)));
  }
}
