package grader.suites.support;

import java.io.PrintStream;

/**
 * Replaces {@code System.out} with a {@link LineRecorder} until closed, to grade a student's
 * {@code main} or to notice lines printed to {@code System.out} instead of the stream handed in.
 *
 * <p>The harness never reports through standard output, so borrowing it is safe; closing puts back
 * exactly the stream that was there before, even when student code replaced it meanwhile.
 */
public final class StandardOutCapture implements AutoCloseable {
  private final PrintStream original;
  private final LineRecorder recorder = LineRecorder.create();

  private StandardOutCapture() {
    this.original = System.out;
    System.setOut(recorder);
  }

  /** Starts capturing {@code System.out}. */
  public static StandardOutCapture start() {
    return new StandardOutCapture();
  }

  /** What was printed to {@code System.out} since the capture started. */
  public LineRecorder recorder() {
    return recorder;
  }

  @Override
  public void close() {
    System.setOut(original);
  }
}
