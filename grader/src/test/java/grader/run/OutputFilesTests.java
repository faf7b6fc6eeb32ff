package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTests {
  @TempDir Path dir;

  @Test
  void theTailDropsTheLaunchersNoteAndStartsAtALine() throws Exception {
    Path err = dir.resolve("stderr.txt");
    Files.writeString(err, "NOTE: Picked up JDK_JAVA_OPTIONS: -javaagent:/g/grader-agent.jar=/w/gate -Xmx256m\n"
        + "first line\nsecond line\nthird line\n");
    assertEquals("first line\nsecond line\nthird line", OutputFiles.tail(err, 0, 1000));
    assertEquals("[...]\nthird line", OutputFiles.tail(err, 0, 15));
    assertEquals("", OutputFiles.tail(dir.resolve("missing.txt"), 0, 100));
  }

  @Test
  void sizesAddUp() throws Exception {
    OutputFiles files = new OutputFiles(dir.resolve("out"), dir.resolve("err"));
    assertEquals(0, files.totalBytes());
    Files.writeString(files.stdout(), "12345");
    Files.writeString(files.stderr(), "123");
    assertEquals(8, files.totalBytes());
  }
}
