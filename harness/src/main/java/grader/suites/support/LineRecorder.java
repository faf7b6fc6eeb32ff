package grader.suites.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@code PrintStream} handed to student code that records every line it prints: when the line
 * ended, which thread printed it, and its text.
 *
 * <p>Bytes are assembled into lines per thread: the pieces of one thread's {@code print} and
 * {@code printf} calls join into one line, and pieces from different threads never mix, whatever
 * the interleaving. A line ends at {@code '\n'}; a {@code '\r'} before it is dropped. The time of a
 * line is {@link System#nanoTime()} when its {@code '\n'} was written, read on the printing thread.
 */
public final class LineRecorder extends PrintStream {

  /** One printed line. */
  public record Line(long nanoTime, Thread thread, String text) {
    public Line {
      Objects.requireNonNull(thread, "thread must not be null");
      Objects.requireNonNull(text, "text must not be null");
    }
  }

  private final LineSink sink;

  private LineRecorder(LineSink sink) {
    // autoflush is irrelevant (the sink does not buffer) but makes println behave as on System.out.
    super(sink, true, StandardCharsets.UTF_8);
    this.sink = sink;
  }

  public static LineRecorder create() {
    return new LineRecorder(new LineSink());
  }

  /** The complete lines so far, in the order their ends were written. */
  public List<Line> lines() {
    return List.copyOf(sink.lines);
  }

  /** How many complete lines have been printed so far. */
  public int lineCount() {
    return sink.lines.size();
  }

  /** The texts of the complete lines so far. */
  public List<String> texts() {
    return sink.lines.stream().map(Line::text).toList();
  }

  /** Text each thread printed after its last line end: output that was never ended with a newline. */
  public Map<Thread, String> unfinished() {
    Map<Thread, String> pending = new LinkedHashMap<>();
    sink.buffers.forEach((thread, buffer) -> {
      String text = sink.textOf(buffer);
      if (!text.isEmpty()) {
        pending.put(thread, text);
      }
    });
    return pending;
  }

  /** Receives the PrintStream's bytes; PrintStream already serialises calls on this stream. */
  private static final class LineSink extends OutputStream {
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    // Each thread only ever touches its own buffer.
    private final Map<Thread, ByteArrayOutputStream> buffers = new ConcurrentHashMap<>();

    @Override
    public void write(int b) {
      append(Thread.currentThread(), (byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      Thread thread = Thread.currentThread();
      for (int i = offset; i < offset + length; i++) {
        append(thread, bytes[i]);
      }
    }

    private void append(Thread thread, byte b) {
      ByteArrayOutputStream buffer = buffers.computeIfAbsent(thread, t -> new ByteArrayOutputStream());
      if (b != '\n') {
        buffer.write(b);
        return;
      }
      long now = System.nanoTime();
      String text = textOf(buffer);
      buffer.reset();
      lines.add(new Line(now, thread, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text));
    }

    private String textOf(ByteArrayOutputStream buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
