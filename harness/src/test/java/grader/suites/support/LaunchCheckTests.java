package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.suites.support.LaunchGate.Launch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which launch reports the gate believes; the real worker JVMs are in {@link LaunchGateIT}. */
class LaunchCheckTests {
  private static final List<String> WORKER = List.of("/jdk/bin/java", "-Xmx64m", "-cp", "/a:/b", "x.Worker", "1", "25");

  @Test
  void theMainClassIsTheFirstWordThatIsNeitherAnOptionNorItsValue() {
    assertEquals(Optional.of(List.of("x.Worker", "1", "25")), LaunchCheck.mainClassAndArguments(WORKER));
    assertEquals(Optional.of(List.of("x.Worker")), LaunchCheck.mainClassAndArguments(
        List.of("java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-p", "mods", "--class-path", "c", "x.Worker")));
    // The attack: a real JVM running another class, with the watched one among its arguments.
    assertEquals(Optional.of(List.of("x.Other", "x.Worker", "1", "25")),
        LaunchCheck.mainClassAndArguments(List.of("java", "-cp", "/a", "x.Other", "x.Worker", "1", "25")));
  }

  @Test
  void launchesThatNameNoClassOnTheCommandLineHaveNoMainClass() {
    assertEquals(Optional.empty(), LaunchCheck.mainClassAndArguments(List.of("java", "-jar", "w.jar", "x.Worker", "1")));
    assertEquals(Optional.empty(), LaunchCheck.mainClassAndArguments(List.of("java", "-m", "m/x.Worker", "1")));
    assertEquals(Optional.empty(), LaunchCheck.mainClassAndArguments(List.of("java", "@args", "x.Worker", "1")));
    assertEquals(Optional.empty(), LaunchCheck.mainClassAndArguments(List.of("java", "-version")));
    assertEquals(Optional.empty(), LaunchCheck.mainClassAndArguments(List.of("java", "-cp")));
  }

  @Test
  void cmdlineKeepsEmptyWordsAndDropsTheLastNul() {
    assertEquals(List.of("java", "", "a b"), LaunchCheck.cmdline("java\0\0a b\0".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPidThatIsNotRunningIsNotBelieved() {
    Launch launch = new Launch(Integer.MAX_VALUE - 7, "x.Worker", List.of("1", "25"), 0, WORKER);
    assertTrue(LaunchCheck.ofThisJvm().problem(launch).orElseThrow().contains("not a running process"));
  }

  @Test
  void aProcessTheCodeUnderTestDidNotStartIsNotBelieved() {
    // This JVM itself, and its parent: alive, but not descendants of the JVM the gate runs in.
    for (long pid : List.of(ProcessHandle.current().pid(), ProcessHandle.current().parent().orElseThrow().pid())) {
      Launch launch = new Launch(pid, "x.Worker", List.of("1", "25"), 0, WORKER);
      assertTrue(LaunchCheck.ofThisJvm().problem(launch).orElseThrow().contains("was not started by the code under test"));
    }
  }

  @Test
  void aChildThatIsNotThisJvmsJavaIsNotBelieved() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "30").start();
    try {
      Launch launch = new Launch(sleep.pid(), "x.Worker", List.of("1", "25"), 0, List.of("sleep", "30"));
      assertTrue(LaunchCheck.ofThisJvm().problem(launch).orElseThrow().contains("runs sleep, not java"));
    } finally {
      sleep.destroyForcibly().waitFor();
    }
  }
}
