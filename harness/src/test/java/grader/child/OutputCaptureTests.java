package grader.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputCaptureTests {
  private final ByteArrayOutputStream real = new ByteArrayOutputStream();
  private final PrintStream realStream = new PrintStream(real, true, StandardCharsets.UTF_8);

  @Test
  void everyBytePassesThroughAndTheRunningTestKeepsACopy() {
    OutputCapture capture = new OutputCapture(100, 1000);
    PrintStream out = capture.teeTo(realStream);
    out.println("before any test");
    capture.begin();
    out.println("Thread 1 slept 5 ms");
    out.print('x');
    assertEquals("Thread 1 slept 5 ms\nx", capture.end());
    out.println("between tests");
    assertEquals("before any test\nThread 1 slept 5 ms\nxbetween tests\n", real.toString(StandardCharsets.UTF_8));
    assertEquals("", capture.end());
  }

  @Test
  void eachTestKeepsAtMostItsShareAndSaysHowMuchWasDropped() {
    OutputCapture capture = new OutputCapture(10, 1000);
    PrintStream out = capture.teeTo(realStream);
    capture.begin();
    out.print("0123456789abcdef");
    assertEquals("0123456789\n[... 6 more bytes of output not kept]", capture.end());
    capture.begin();
    out.print("short");
    assertEquals("short", capture.end());
  }

  @Test
  void theTotalCapBoundsAllTestsTogether() {
    OutputCapture capture = new OutputCapture(10, 15);
    PrintStream out = capture.teeTo(realStream);
    capture.begin();
    out.print("0123456789");
    assertEquals("0123456789", capture.end());
    capture.begin();
    out.print("0123456789");
    assertEquals("01234\n[... 5 more bytes of output not kept]", capture.end());
    capture.begin();
    out.print("more");
    assertEquals("\n[... 4 more bytes of output not kept]", capture.end());
    assertEquals("01234567890123456789more".length(), real.size(), "the real stream still gets everything");
  }
}
