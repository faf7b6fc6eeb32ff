package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.suites.support.LineRecorder.Line;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class LineRecorderTests {

  @Test
  void piecesOfOneThreadJoinIntoOneLineWithItsThreadAndTime() {
    LineRecorder out = LineRecorder.create();
    long before = System.nanoTime();
    out.print("Thread ");
    out.printf("%d slept ", 3);
    out.print(120);
    out.println(" ms");
    out.print("second\r\n");
    List<Line> lines = out.lines();
    assertEquals(List.of("Thread 3 slept 120 ms", "second"), out.texts());
    assertSame(Thread.currentThread(), lines.get(0).thread());
    assertTrue(lines.get(0).nanoTime() >= before);
  }

  @Test
  void piecesOfDifferentThreadsNeverMix() throws Exception {
    LineRecorder out = LineRecorder.create();
    int threads = 8;
    int lines = 200;
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread thread = new Thread(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < lines; i++) {
          // Several calls per line, so pieces of different threads interleave on the stream.
          out.print("T" + id);
          out.print(" line ");
          out.print(i);
          out.println();
        }
      });
      thread.start();
      started.add(thread);
    }
    for (Thread thread : started) {
      thread.join();
    }
    assertEquals(threads * lines, out.lineCount());
    Set<String> seen = new HashSet<>();
    for (Line line : out.lines()) {
      String expectedPrefix = "T" + started.indexOf(line.thread()) + " line ";
      assertTrue(line.text().startsWith(expectedPrefix), line.text() + " from " + line.thread().getName());
      seen.add(line.text());
    }
    assertEquals(threads * lines, seen.size());
  }

  @Test
  void textWithoutALineEndIsUnfinished() {
    LineRecorder out = LineRecorder.create();
    out.print("no newline");
    assertEquals(0, out.lineCount());
    assertEquals(Map.of(Thread.currentThread(), "no newline"), out.unfinished());
  }

  @Test
  void standardOutCaptureRestoresTheOriginalStream() {
    var original = System.out;
    try (StandardOutCapture capture = StandardOutCapture.start()) {
      System.out.println("captured");
      assertEquals(List.of("captured"), capture.recorder().texts());
    }
    assertSame(original, System.out);
  }
}
