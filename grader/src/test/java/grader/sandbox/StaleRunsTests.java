package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleRunsTests {

  @TempDir Path parent;

  @Test
  void readsTheGraderPidFromTheName() {
    assertEquals(OptionalLong.of(123), StaleRuns.graderPid("grader-sandbox-123-9f9692bf"));
    assertEquals(OptionalLong.of(77), StaleRuns.graderPid("grader-sandbox-77-probe-1234"));
    assertEquals(OptionalLong.empty(), StaleRuns.graderPid("grader-sandbox-probe-1234"));
    assertEquals(OptionalLong.empty(), StaleRuns.graderPid("grade-123-x"));
  }

  @Test
  void onlyLeftoversOfGradersThatAreGoneAreStale() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path dead = Files.createDirectory(parent.resolve("grader-sandbox-" + finished.pid() + "-dead"));
    Files.createDirectory(parent.resolve("grader-sandbox-" + ProcessHandle.current().pid() + "-mine"));
    Files.createDirectory(parent.resolve("grader-sandbox-1-init"));
    Files.createDirectory(parent.resolve("unrelated-" + finished.pid() + "-x"));
    assertEquals(List.of(dead), StaleRuns.stale(parent));
  }
}
