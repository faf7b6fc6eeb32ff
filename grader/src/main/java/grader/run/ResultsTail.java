package grader.run;

import grader.protocol.EventCodec;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the results file as the child appends to it, returning complete lines only: a line the
 * child is still writing stays buffered until its newline arrives. A line longer than the codec
 * accepts is cut short (and then rejected by the codec) instead of being buffered without bound.
 */
final class ResultsTail implements Closeable {
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private boolean overlong;
  private long bytesRead;

  ResultsTail(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
  }

  /** Complete lines appended since the last call, without their terminators. */
  List<String> readLines() throws IOException {
    List<String> lines = new ArrayList<>();
    while (true) {
      buffer.clear();
      int n = channel.read(buffer);
      if (n <= 0) {
        return lines;
      }
      bytesRead += n;
      byte[] bytes = buffer.array();
      for (int i = 0; i < n; i++) {
        if (bytes[i] == '\n') {
          lines.add(partial.toString(StandardCharsets.UTF_8) + (overlong ? "..." : ""));
          partial.reset();
          overlong = false;
        } else if (partial.size() <= EventCodec.MAX_LINE_CHARS * 4) {
          partial.write(bytes[i]);
        } else {
          overlong = true;
        }
      }
    }
  }

  long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
