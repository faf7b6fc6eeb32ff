package grader.child;

import grader.protocol.DoneEvent;
import grader.protocol.Event;
import grader.protocol.EventCodec;
import grader.protocol.FinishedEvent;
import grader.protocol.PlanEvent;
import grader.protocol.PlannedTest;
import grader.protocol.ReportedStatus;
import grader.protocol.RestartEvent;
import grader.protocol.StartedEvent;
import grader.protocol.TimelineEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes sealed events to the results channel, one line per event, each written in one call and
 * flushed at once: whatever happens to the JVM next, every event written so far has reached the
 * parent. The stream was opened before any student code ran.
 */
final class EventWriter {
  private final OutputStream out;
  private final EventCodec codec;
  private final Runnable onFailure;
  private long seq;
  private int finished;

  /**
   * @param onFailure called when the channel breaks; the harness halts then, because results it can
   *     no longer report would not count anyway
   */
  EventWriter(OutputStream out, EventCodec codec, Runnable onFailure) {
    this.out = out;
    this.codec = codec;
    this.onFailure = onFailure;
  }

  synchronized void plan(List<PlannedTest> tests) {
    write(new PlanEvent(seq++, tests));
  }

  synchronized void started(String testId, String invocation, long timeoutMs) {
    write(new StartedEvent(seq++, testId, invocation, timeoutMs));
  }

  synchronized void finished(
      String testId,
      ReportedStatus status,
      String message,
      long durationMs,
      Map<String, String> measurements,
      String output,
      String invocation,
      List<TimelineEntry> timeline) {
    write(new FinishedEvent(seq++, testId, status, message, durationMs, measurements, output, invocation, timeline));
    finished++;
  }

  synchronized void restart(String testId, String reason) {
    write(new RestartEvent(seq++, testId, reason));
  }

  synchronized void done() {
    write(new DoneEvent(seq++, finished));
  }

  synchronized int finishedCount() {
    return finished;
  }

  private void write(Event event) {
    byte[] line = (codec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      out.write(line);
      out.flush();
    } catch (IOException e) {
      onFailure.run();
    }
  }
}
