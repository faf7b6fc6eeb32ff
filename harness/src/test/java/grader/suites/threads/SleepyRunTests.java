package grader.suites.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.suites.support.LineRecorder.Line;
import org.junit.jupiter.api.Test;

class SleepyRunTests {

  private static Line line(String text) {
    return new Line(0, Thread.currentThread(), text);
  }

  @Test
  void theExactFormatIsExact() {
    assertTrue(SleepyRun.EXACT.matcher("Thread 3 slept 120 ms").matches());
    assertTrue(SleepyRun.EXACT.matcher("Thread 12 slept 0 ms").matches());
    for (String wrong : new String[] {"Thread 3 slept 120", "Thread 3 slept 120 ms.", "thread 3 slept 120 ms",
        "Thread 03 slept 120 ms", "Thread 0 slept 120 ms", "Thread 3 slept 120ms", " Thread 3 slept 120 ms"}) {
      assertFalse(SleepyRun.EXACT.matcher(wrong).matches(), wrong);
    }
  }

  @Test
  void lenientReadingTakesTheFirstTwoIntegers() {
    SleepyRun.Report report = SleepyRun.lenient(line("Thread #4 has slept for 250 milliseconds")).orElseThrow();
    assertEquals(4, report.number());
    assertEquals(250, report.millis());
    assertEquals(-5, SleepyRun.lenient(line("Thread 2 slept -5 ms")).orElseThrow().millis());
    assertTrue(SleepyRun.lenient(line("All threads completed")).isEmpty());
    assertTrue(SleepyRun.lenient(line("Thread 7")).isEmpty());
  }
}
