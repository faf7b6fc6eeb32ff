package grader.suites.support;

import grader.suites.support.LaunchGate.Launch;
import java.util.List;

/**
 * The timeline of the worker JVMs a {@link LaunchGate} saw: a lane per worker in order of start
 * ("worker 1") and the moment it reported in (its {@code main} was about to run). The gate does not
 * see a worker end, and a span "alive until the call returned" would make workers waited for one by
 * one look as if they all overlapped; the staircase of starts is what tells the two apart.
 */
public final class WorkerTimeline {
  private WorkerTimeline() {}

  public static Timeline of(List<Launch> launches, String call, long calledNanos, long returnedNanos) {
    Timeline timeline = Timeline.since(calledNanos).call(call, returnedNanos);
    int number = 0;
    for (Launch launch : launches.stream().sorted((a, b) -> Long.compare(a.arrivedNanos(), b.arrivedNanos())).toList()) {
      String lane = "worker " + ++number;
      timeline.point(lane, "started", launch.arrivedNanos(), "worker JVM started");
    }
    return timeline;
  }
}
