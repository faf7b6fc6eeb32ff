package grader.suites.support;

import grader.suites.support.ServerGate.Exchange;
import grader.suites.support.ServerGate.Observation;

/**
 * The timeline of requests as the test server saw them: a lane per request in order of arrival
 * ("request 1", or "download 1"), the time it spent inside the server (kind {@code in_server}, from
 * arrival to the moment the gate let its answer go) and the moment its response was fully sent.
 */
public final class ServerTimeline {
  private ServerTimeline() {}

  /**
   * @param laneWord what a lane is called, e.g. {@code "request"}; the lanes are numbered by arrival
   * @param call what the student's call was, e.g. {@code "fetchAll"}
   */
  public static Timeline of(Observation seen, String laneWord, String call, long calledNanos, long returnedNanos) {
    Timeline timeline = Timeline.since(calledNanos).call(call, returnedNanos);
    int number = 0;
    for (Exchange exchange : seen.exchanges()) {
      String lane = laneWord + " " + ++number;
      timeline.point(lane, "sent", exchange.arrivedNanos(), "arrived at the server");
      if (exchange.answered()) {
        timeline.span(lane, "in_server", exchange.arrivedNanos(), exchange.answeredNanos(),
            "inside the server " + (exchange.answeredNanos() - exchange.arrivedNanos()) / 1_000_000 + " ms");
      }
      if (exchange.completed()) {
        timeline.point(lane, "answered", exchange.completedNanos(), "response sent");
      }
    }
    return timeline;
  }
}
