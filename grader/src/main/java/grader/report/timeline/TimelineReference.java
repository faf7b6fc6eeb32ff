package grader.report.timeline;

import java.util.Map;
import java.util.Optional;

/**
 * What a correct solution's picture looks like, for the tests whose picture has a clear reference
 * shape: the words under the picture, and whether "all bars overlap" is the shape (then the picture
 * shades the moment they all do, or says that there is none). Keyed by the suites' test ids.
 */
public record TimelineReference(String text, boolean allOverlap) {
  private static final Map<String, TimelineReference> BY_TEST = Map.of(
      "sleepsAllThreadsAtTheSameTime",
      new TimelineReference("all sleep bars overlap: every thread asleep at the same moment", true),
      "sendsAllRequestsBeforeAwaitingAny",
      new TimelineReference("all requests inside the server at the same moment", true),
      "asyncHasEveryDownloadInFlightAtOnce",
      new TimelineReference("all downloads inside the server at the same moment", true),
      "startsAllWorkersBeforeWaitingForAny",
      new TimelineReference("all workers start together, before the call waits for any", true),
      "processesStartOneWorkerJvmPerUrlBeforeWaiting",
      new TimelineReference("all worker JVMs start together, before the call waits for any", true),
      "threadsKeepExactlyThePoolSizeInFlight",
      new TimelineReference("as many downloads inside the server at once as the pool has threads, never more",
          false));

  /** The test ids with a reference shape (a test checks each is still a test of the rubric). */
  static java.util.Set<String> testIds() {
    return BY_TEST.keySet();
  }

  public static Optional<TimelineReference> forTest(String testId) {
    return Optional.ofNullable(BY_TEST.get(testId));
  }
}
