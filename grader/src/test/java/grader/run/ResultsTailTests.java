package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.protocol.EventCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTailTests {
  @TempDir Path dir;

  private void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Test
  void returnsCompleteLinesOnlyAsTheFileGrows() throws Exception {
    Path file = Files.createFile(dir.resolve("results.jsonl"));
    try (ResultsTail tail = new ResultsTail(file)) {
      assertEquals(List.of(), tail.readLines());
      append(file, "one\ntw");
      assertEquals(List.of("one"), tail.readLines());
      append(file, "o\n\u00e9t\u00e9\n");
      assertEquals(List.of("two", "\u00e9t\u00e9"), tail.readLines());
      assertEquals(List.of(), tail.readLines());
      assertEquals(14, tail.bytesRead()); // "\u00e9" is two bytes in UTF-8
    }
  }

  @Test
  void anEndlessLineIsCutNotBufferedWithoutBound() throws Exception {
    Path file = Files.createFile(dir.resolve("results.jsonl"));
    try (ResultsTail tail = new ResultsTail(file)) {
      append(file, "x".repeat(EventCodec.MAX_LINE_CHARS * 5) + "\nnext\n");
      List<String> lines = tail.readLines();
      assertEquals(2, lines.size());
      assertTrue(lines.get(0).length() > EventCodec.MAX_LINE_CHARS, "long enough to be rejected by the codec");
      assertTrue(lines.get(0).length() < EventCodec.MAX_LINE_CHARS * 5);
      assertEquals("next", lines.get(1));
    }
  }
}
