package grader.suites.support;

import grader.suites.support.LaunchGate.Launch;
import java.util.List;

/**
 * The timeline of the worker JVMs a {@link LaunchGate} saw: a lane per worker in order of start
 * ("worker 1"), the moment it reported in (its {@code main} was about to run), and, as a span of
 * kind {@code alive}, the stretch from then until the student's call returned, by which time every
 * worker the call waited for had ended. The gate does not see a worker end, so the span is an upper
 * bound; the staircase of starts is what tells waiting one by one from starting all first.
 */
public final class WorkerTimeline {
  private WorkerTimeline() {}

  public static Timeline of(List<Launch> launches, String call, long calledNanos, long returnedNanos) {
    Timeline timeline = Timeline.since(calledNanos).call(call, returnedNanos);
    int number = 0;
    for (Launch launch : launches.stream().sorted((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos())).toList()) {
      String lane = "worker " + ++number;
      timeline.point(lane, "started", launch.arrivedNanos(), "worker JVM started");
      timeline.span(lane, "alive", launch.arrivedNanos(), returnedNanos, "alive, at most until the call returned");
    }
    return timeline;
  }
}
