package grader.report.timeline;

import grader.scorecard.TimelineItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Timelines shaped like those the suites record (the numbers follow real gradings of the solutions
 * and of the bad fixtures named), for unit tests of shapes, profiles and escaping. The golden
 * pictures are drawn from timelines real gradings recorded instead ({@link RecordedTimelineTests}).
 */
final class SampleTimelines {
  private SampleTimelines() {}

  /** The reference solution: six threads asleep side by side. */
  static List<TimelineItem> threadsOverlapping() {
    List<TimelineItem> items = call("run", 4.2);
    int[] sleeps = {312, 468, 255, 401, 497, 350};
    for (int i = 0; i < sleeps.length; i++) {
      double start = 1.1 + i * 0.6;
      double end = start + sleeps[i];
      items.add(new TimelineItem("Thread " + (i + 1), "sleep", start, end, "slept " + sleeps[i] + " ms"));
      items.add(new TimelineItem("Thread " + (i + 1), "printed", end + 0.4, end + 0.4, "printed a line"));
    }
    return items;
  }

  /** threads-join-in-start-loop: each thread joined before the next starts, a staircase. */
  static List<TimelineItem> threadsStaircase() {
    int[] sleeps = {312, 468, 255, 401, 497, 350};
    double at = 1.0;
    List<TimelineItem> items = new ArrayList<>();
    for (int i = 0; i < sleeps.length; i++) {
      items.add(new TimelineItem("Thread " + (i + 1), "sleep", at, at + sleeps[i], "slept " + sleeps[i] + " ms"));
      items.add(new TimelineItem("Thread " + (i + 1), "printed", at + sleeps[i] + 0.3, at + sleeps[i] + 0.3,
          "printed a line"));
      at += sleeps[i] + 1.2;
    }
    List<TimelineItem> all = call("run", at);
    all.addAll(items);
    return all;
  }

  /** The reference fetchAll: five requests inside the server together. */
  static List<TimelineItem> requestsTogether() {
    List<TimelineItem> items = call("fetchAll", 2.5);
    for (int i = 0; i < 5; i++) {
      double arrived = 8.0 + i * 1.7;
      items.add(new TimelineItem("request " + (i + 1), "sent", arrived, arrived, "arrived at the server"));
      items.add(new TimelineItem("request " + (i + 1), "in_server", arrived, 16.4, "inside the server"));
      items.add(new TimelineItem("request " + (i + 1), "answered", 19.0 + i, 19.0 + i, "response sent"));
    }
    return items;
  }

  /** async-join-each: each request awaited before the next is sent; the gate gives up on each. */
  static List<TimelineItem> requestsOneByOne() {
    List<TimelineItem> items = new ArrayList<>();
    double at = 6.0;
    for (int i = 0; i < 3; i++) {
      items.add(new TimelineItem("request " + (i + 1), "sent", at, at, "arrived at the server"));
      items.add(new TimelineItem("request " + (i + 1), "in_server", at, at + 1500, "inside the server"));
      items.add(new TimelineItem("request " + (i + 1), "answered", at + 1503, at + 1503, "response sent"));
      at += 1510;
    }
    List<TimelineItem> all = call("fetchAll", at);
    all.addAll(items);
    return all;
  }

  /** The reference compute: four workers started together, all alive at the same moment. */
  static List<TimelineItem> workersTogether() {
    List<TimelineItem> items = call("compute", 612.0);
    for (int i = 0; i < 4; i++) {
      double started = 180.0 + i * 22;
      items.add(new TimelineItem("worker " + (i + 1), "started", started, started, "worker JVM started"));
      items.add(new TimelineItem("worker " + (i + 1), "alive", started, 560.0 + i * 10,
          "range " + (25 * i + 1) + ".." + (25 * i + 25) + ", alive until it ended"));
    }
    return items;
  }

  /** processes-waitfor-in-start-loop: each worker waited for before the next starts. */
  static List<TimelineItem> workersOneByOne() {
    double returned = 4 * 2350.0 + 100;
    List<TimelineItem> items = call("compute", returned);
    for (int i = 0; i < 4; i++) {
      double started = 170.0 + i * 2350;
      items.add(new TimelineItem("worker " + (i + 1), "started", started, started, "worker JVM started"));
      items.add(new TimelineItem("worker " + (i + 1), "alive", started, started + 2200,
          "range " + (25 * i + 1) + ".." + (25 * i + 25) + ", alive until it ended"));
    }
    return items;
  }

  /** compare-threads-single-thread: a pool of three asked for, one download at a time. */
  static List<TimelineItem> poolTooSmall() {
    List<TimelineItem> items = new ArrayList<>();
    double at = 3.0;
    for (int i = 0; i < 6; i++) {
      items.add(new TimelineItem("download " + (i + 1), "sent", at, at, "arrived at the server"));
      items.add(new TimelineItem("download " + (i + 1), "in_server", at, at + 300, "inside the server"));
      at += 304;
    }
    List<TimelineItem> all = call("downloadAll", at);
    all.addAll(items);
    return all;
  }

  private static List<TimelineItem> call(String what, double returned) {
    List<TimelineItem> items = new ArrayList<>();
    items.add(new TimelineItem("call", "call", 0, returned, what));
    items.add(new TimelineItem("call", "returned", returned, returned, what + " returned"));
    return items;
  }
}
