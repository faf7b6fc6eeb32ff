package grader.suites.threads.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import exercises.threads.SleepyThreads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A hidden test of the threads exercise, graded only by the instructor's installation (HiddenTestsIT). */
public class HeldBackThreadsSuite {
  @Test
  @DisplayName("three threads that sleep 0 ms print three lines")
  public void threeThreadsOfNoSleepPrintThreeLines() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SleepyThreads.run(3, 0, 0, new Random(7), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(List.of("Thread 1 slept 0 ms", "Thread 2 slept 0 ms", "Thread 3 slept 0 ms"),
        bytes.toString(StandardCharsets.UTF_8).lines().sorted().toList(),
        "run(3, 0, 0, ...) prints one line per thread; the order may vary");
  }
}
