package grader.suites.threads;

import grader.suites.support.LineRecorder.Line;
import grader.suites.support.ThreadSampler.Sample;
import grader.suites.support.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline of one sampled {@link SleepyRun}: a lane per printing thread ("Thread 1" is the first
 * to be seen asleep, not the student's numbering), the stretches the sampler saw it asleep in
 * {@code Thread.sleep} (kind {@code sleep}), and the moment it printed its line.
 */
final class SleepyTimeline {
  private SleepyTimeline() {}

  static Timeline of(SleepyRun run) {
    Timeline timeline = Timeline.since(run.calledNanos).call("run", run.returnedNanos);
    List<Sample> samples = run.sampler().samples();
    Map<Thread, List<Line>> printed = new LinkedHashMap<>();
    for (Line line : run.lines()) {
      printed.computeIfAbsent(line.thread(), t -> new ArrayList<>()).add(line);
    }
    List<Thread> threads = new ArrayList<>(printed.keySet());
    threads.sort((a, b) -> Long.compare(firstAsleep(run, a), firstAsleep(run, b)));
    int number = 0;
    for (Thread thread : threads) {
      String lane = "Thread " + ++number;
      long id = thread.getId();
      long runStart = -1;
      long runEnd = -1;
      for (Sample sample : samples) {
        if (sample.asleep().contains(id)) {
          if (runStart < 0) {
            runStart = sample.nanoTime();
          }
          runEnd = sample.nanoTime();
        } else if (runStart >= 0) {
          timeline.span(lane, "sleep", runStart, runEnd, "slept " + (runEnd - runStart) / 1_000_000 + " ms");
          runStart = -1;
        }
      }
      if (runStart >= 0) {
        timeline.span(lane, "sleep", runStart, runEnd, "slept " + (runEnd - runStart) / 1_000_000 + " ms");
      }
      for (Line line : printed.get(thread)) {
        timeline.point(lane, "printed", line.nanoTime(), "printed a line");
      }
    }
    return timeline;
  }

  private static long firstAsleep(SleepyRun run, Thread thread) {
    return run.sampler().firstSeenAsleep(thread.getId()).orElse(Long.MAX_VALUE);
  }
}
