package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
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

  @Test
  void theWorkMountOfAKilledGraderIsUnmountedAndItsFilesAreGone() throws Exception {
    var tools = WorkMount.Tools.detect();
    Assumptions.assumeTrue(tools.isPresent(), "mounting a tmpfs needs root");
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path point = Files.createDirectory(parent.resolve("work"));
    String source = "grader-sandbox-" + finished.pid() + "-work-1";
    Process mount = new ProcessBuilder(tools.get().mount().toString(), "-t", "tmpfs", "-o", "size=1m", source,
        point.toString()).inheritIO().start();
    assertEquals(0, mount.waitFor());
    Files.writeString(point.resolve("left-by-a-killed-run.txt"), "x");
    assertEquals(point, WorkMount.ownMounts().get(source));

    assertTrue(WorkMount.sweepStale(tools.get()).contains(point));
    assertFalse(WorkMount.ownMounts().containsKey(source));
    assertFalse(Files.exists(point.resolve("left-by-a-killed-run.txt")));
  }

  @Test
  void mountPointsAreUnescapedAsTheKernelWritesThem() {
    assertEquals("/tmp/a b\\c", WorkMount.unescape("/tmp/a\\040b\\134c"));
    assertEquals("/tmp/plain\\0", WorkMount.unescape("/tmp/plain\\0"));
  }
}
