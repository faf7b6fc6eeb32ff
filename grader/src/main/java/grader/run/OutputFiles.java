package grader.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The child's standard output and error files (one pair per JVM): their size for the output limit,
 * and their tails for crash messages, without the launcher's "Picked up JDK_JAVA_OPTIONS" notes.
 */
record OutputFiles(Path stdout, Path stderr) {
  private static final String LAUNCHER_NOTE = "NOTE: Picked up JDK_JAVA_OPTIONS";

  long totalBytes() {
    return size(stdout) + size(stderr);
  }

  /** The last {@code maxBytes} of {@code file} from {@code offset} on, starting at a line boundary. */
  static String tail(Path file, long offset, int maxBytes) {
    long size = size(file);
    long from = Math.max(offset, size - maxBytes);
    if (size <= from || maxBytes <= 0) {
      return "";
    }
    byte[] bytes = new byte[(int) (size - from)];
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(from);
      in.readFully(bytes);
    } catch (IOException e) {
      return "";
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (from > offset) {
      int newline = text.indexOf('\n');
      text = "[...]\n" + (newline >= 0 ? text.substring(newline + 1) : text);
    }
    return Arrays.stream(text.split("\n", -1))
        .filter(line -> !line.startsWith(LAUNCHER_NOTE))
        .collect(Collectors.joining("\n"))
        .strip();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
