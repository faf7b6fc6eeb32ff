package grader.suites.support;

import grader.suites.support.LaunchGate.Launch;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The timeline of the worker JVMs a {@link LaunchGate} believed: a lane per worker in order of
 * start ("worker 1"), the moment it reported in (its {@code main} was about to run) and a span
 * {@code alive} from there to its end as this JVM saw it ({@link LaunchGate#endedNanos}), so
 * workers waited for one by one make a staircase and correct ones overlap. A worker still running
 * when the call returned ends its span at the return and says so; one whose end was noticed only
 * after the return (the notice comes on another thread) had ended by the time the timeline was built,
 * so it ends at the return too, labelled as such. Labels are the grader's words and numbers only.
 */
public final class WorkerTimeline {
  private WorkerTimeline() {}

  /** Workers without a described job, e.g. downloads whose arguments are a URL and a file. */
  public static Timeline of(LaunchGate gate, String call, long calledNanos, long returnedNanos) {
    return of(gate, launch -> Optional.empty(), call, calledNanos, returnedNanos);
  }

  /**
   * @param job what the worker was started for, in the grader's words (e.g. "range 1..25" from
   *     numbers the grader parsed), never its raw arguments
   */
  public static Timeline of(LaunchGate gate, Function<Launch, Optional<String>> job, String call, long calledNanos,
      long returnedNanos) {
    Timeline timeline = Timeline.since(calledNanos).call(call, returnedNanos);
    int number = 0;
    for (Launch launch : gate.launches().stream().sorted(Comparator.comparingLong(Launch::arrivedNanos)).toList()) {
      String lane = "worker " + ++number;
      String what = job.apply(launch).map(text -> text + ", ").orElse("");
      timeline.point(lane, "started", launch.arrivedNanos(), "worker JVM started");
      OptionalLong ended = gate.endedNanos(launch);
      if (ended.isPresent() && ended.getAsLong() <= returnedNanos) {
        timeline.span(lane, "alive", launch.arrivedNanos(), ended.getAsLong(), what + "alive until it ended");
      } else if (gate.stillRunning(launch)) {
        timeline.span(lane, "alive", launch.arrivedNanos(), returnedNanos, what + "still alive when the call returned");
      } else {
        timeline.span(lane, "alive", launch.arrivedNanos(), returnedNanos, what + "ended as the call returned");
      }
    }
    return timeline;
  }
}
