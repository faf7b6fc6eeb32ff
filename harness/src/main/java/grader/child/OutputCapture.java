package grader.child;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Attributes what the student's code prints to the test that is running, so each test's feedback
 * can show it. Replacement {@code System.out}/{@code System.err} streams pass every byte on to the
 * real streams (the parent keeps their tail for crash reports) and keep a copy for the running test,
 * capped per test and in total so a flood cannot bloat the results.
 */
final class OutputCapture {
  private final int perTestLimit;
  private final long totalLimit;
  private ByteArrayOutputStream current;
  private long dropped;
  private long kept;

  OutputCapture(int perTestLimit, long totalLimit) {
    if (perTestLimit < 0 || totalLimit < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    this.perTestLimit = perTestLimit;
    this.totalLimit = totalLimit;
  }

  /** A stream that writes through to {@code real} and copies into the running test's buffer. */
  PrintStream teeTo(PrintStream real) {
    return new PrintStream(new Tee(real), true, StandardCharsets.UTF_8);
  }

  /** Starts collecting for a new test, dropping anything collected since the last one ended. */
  synchronized void begin() {
    current = new ByteArrayOutputStream();
    dropped = 0;
  }

  /** What was printed since {@link #begin()}, capped; empty if nothing (or no test was running). */
  synchronized String end() {
    if (current == null) {
      return "";
    }
    String text = current.toString(StandardCharsets.UTF_8);
    if (dropped > 0) {
      text += "\n[... " + dropped + " more bytes of output not kept]";
    }
    current = null;
    dropped = 0;
    return text;
  }

  synchronized void append(byte[] bytes, int offset, int length) {
    if (current == null) {
      return;
    }
    long room = Math.min(perTestLimit - current.size(), totalLimit - kept);
    int keep = (int) Math.max(0, Math.min(room, length));
    current.write(bytes, offset, keep);
    kept += keep;
    dropped += length - keep;
  }

  private final class Tee extends OutputStream {
    private final PrintStream real;

    Tee(PrintStream real) {
      this.real = real;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      // Flush at once: if the JVM dies next, the parent still sees the output that led up to it.
      real.write(bytes, offset, length);
      real.flush();
      append(bytes, offset, length);
    }

    @Override
    public void flush() {
      real.flush();
    }
  }
}
