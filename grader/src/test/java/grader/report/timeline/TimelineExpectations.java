package grader.report.timeline;

import grader.scorecard.ExerciseResult;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TimelineItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;

/**
 * What the key test's timeline of a real grading must show: the reference shape for a correct
 * submission, the shape of the mistake for the bad fixtures whose mistake shows in the picture.
 * Checked on the recorded timelines the golden pictures are drawn from ({@link
 * RecordedTimelineTests}) and on every live grading of {@code FixtureVerdictsIT}, so a picture that
 * stops showing the mistake (or the reference) fails a test. Shapes, not times: those vary.
 */
public final class TimelineExpectations {
  /** A bad fixture's key test and what is wrong with its timeline, if it does not show the mistake. */
  private record Mistake(String testId, Function<List<TimelineItem>, Optional<String>> problem) {}

  private static final Map<String, Mistake> MISTAKES = Map.of(
      "threads-sequential-loop", new Mistake("sleepsAllThreadsAtTheSameTime", TimelineExpectations::onlyTheCaller),
      "threads-join-in-start-loop", new Mistake("sleepsAllThreadsAtTheSameTime", TimelineExpectations::oneAtATime),
      "compare-threads-single-thread",
      new Mistake("threadsKeepExactlyThePoolSizeInFlight", TimelineExpectations::oneAtATime),
      "async-blocking-send", new Mistake("sendsAllRequestsBeforeAwaitingAny", TimelineExpectations::oneAtATime),
      "async-join-each", new Mistake("sendsAllRequestsBeforeAwaitingAny", TimelineExpectations::oneAtATime),
      "processes-waitfor-in-start-loop",
      new Mistake("startsAllWorkersBeforeWaitingForAny", TimelineExpectations::oneAtATime));

  private TimelineExpectations() {}

  /** The bad fixtures whose mistake shows in the picture. */
  public static Set<String> fixtures() {
    return MISTAKES.keySet();
  }

  /** The key tests of those fixtures. */
  static Set<String> keyTestIds() {
    return MISTAKES.values().stream().map(Mistake::testId).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Fails unless the key test of bad fixture {@code fixture} recorded a timeline with the shape of
   * its mistake (a staircase: one at a time); does nothing for a
   * fixture whose mistake a picture does not show.
   */
  public static void assertShowsTheMistake(String fixture, ExerciseResult result) {
    Mistake mistake = MISTAKES.get(fixture);
    if (mistake == null) {
      return;
    }
    TestResult test = result.tests().stream().filter(t -> t.id().equals(mistake.testId())).findFirst()
        .orElseThrow(() -> new AssertionError(fixture + ": no test " + mistake.testId()));
    mistakeProblem(fixture, test.timeline()).ifPresent(problem -> Assertions.fail(fixture + ": the timeline of "
        + mistake.testId() + " does not show the mistake: " + problem + "\n" + test.timeline()));
  }

  /** Fails unless every test of {@code card} that has a reference shape recorded a timeline of that shape. */
  public static void assertShowsTheReference(String name, Scorecard card) {
    for (ExerciseResult exercise : card.exercises()) {
      for (TestResult test : exercise.tests()) {
        referenceProblem(test.id(), test.timeline()).ifPresent(problem -> Assertions.fail(name + ": the timeline of "
            + test.id() + " does not have the reference shape: " + problem + "\n" + test.timeline()));
      }
    }
  }

  static Optional<String> mistakeProblem(String fixture, List<TimelineItem> timeline) {
    if (timeline.isEmpty()) {
      return Optional.of("no timeline recorded");
    }
    return MISTAKES.get(fixture).problem().apply(timeline);
  }

  /** Empty if the test has no reference shape or {@code timeline} has it. */
  static Optional<String> referenceProblem(String testId, List<TimelineItem> timeline) {
    Optional<TimelineReference> reference = TimelineReference.forTest(testId);
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    if (timeline.isEmpty()) {
      return Optional.of("no timeline recorded");
    }
    TimelineShape shape = TimelineShape.of(timeline);
    if (reference.get().allOverlap()) {
      return shape.allOverlap() ? Optional.empty() : Optional.of("expected all bars to overlap, " + shape);
    }
    return shape.maxOverlap() > 1 && shape.maxOverlap() < shape.keyLanes() ? Optional.empty()
        : Optional.of("expected more than one but not all at once, " + shape);
  }

  /** A staircase: two or more lanes of key spans, never two at the same moment. */
  private static Optional<String> oneAtATime(List<TimelineItem> timeline) {
    TimelineShape shape = TimelineShape.of(timeline);
    return shape.keyKind() != null && shape.keyLanes() >= 2 && shape.maxOverlap() == 1 ? Optional.empty()
        : Optional.of("expected 2 or more lanes of bars, one at a time, " + shape);
  }

  /**
   * Everything on the caller: no thread but the caller (which the sampler does not count) was seen
   * asleep, and every line was printed by one thread.
   */
  private static Optional<String> onlyTheCaller(List<TimelineItem> timeline) {
    TimelineShape shape = TimelineShape.of(timeline);
    long printed = timeline.stream().filter(i -> i.kind().equals("printed")).count();
    return shape.keyKind() == null && shape.lanes().size() == 1 && printed >= 2 ? Optional.empty()
        : Optional.of("expected one lane of printed lines and no sleep bars, " + shape);
  }
}
