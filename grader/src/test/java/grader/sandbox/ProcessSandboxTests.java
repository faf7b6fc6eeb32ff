package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.scorecard.Isolation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSandboxTests {
  @TempDir Path dir;

  private SandboxRequest request(List<String> command, Map<String, String> environment) {
    return new SandboxRequest(command, dir, environment, List.of(), List.of(dir), dir.resolve("out.txt"),
        dir.resolve("err.txt"), ResourceLimits.defaults());
  }

  @Test
  void limitsGoThroughPrlimitInANewSession() {
    ProcessSandbox sandbox = new ProcessSandbox(Optional.of(Path.of("/usr/bin/prlimit")), Optional.of(Path.of("/usr/bin/setsid")));
    assertEquals(List.of("/usr/bin/setsid", "/usr/bin/prlimit", "--nofile=1024:1024", "--fsize=67108864:67108864",
        "--core=0:0", "--", "/jdk/bin/java", "-version"), sandbox.command(request(List.of("/jdk/bin/java", "-version"), Map.of())));
    assertEquals(Isolation.PROCESS, sandbox.isolation());
    ProcessSandbox bare = new ProcessSandbox(Optional.empty(), Optional.empty());
    assertEquals(List.of("/jdk/bin/java"), bare.command(request(List.of("/jdk/bin/java"), Map.of())));
  }

  @Test
  void theEnvironmentIsExactlyTheRequestsAndOutputGoesToTheFiles() throws Exception {
    try (SandboxedProcess process = ProcessSandbox.detect().start(
        request(List.of("/bin/sh", "-c", "env | sort; echo oops >&2"), Map.of("ONLY", "this")))) {
      assertEquals(OptionalInt.of(0), process.waitFor(Duration.ofSeconds(20)));
    }
    List<String> env = Files.readAllLines(dir.resolve("out.txt")).stream()
        .filter(l -> !l.startsWith("PWD=") && !l.startsWith("SHLVL=") && !l.startsWith("_=")).toList();
    assertEquals(List.of("ONLY=this"), env);
    assertEquals("oops\n", Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void closeKillsTheTreeEvenOrphansTheCommandLeftBehind() throws Exception {
    String marker = Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L) + 7_000_000L);
    // The shell starts a sleeper and exits at once: the sleeper is orphaned before anyone kills it.
    try (SandboxedProcess process = ProcessSandbox.detect().start(
        request(List.of("/bin/sh", "-c", "/bin/sleep " + marker + " & echo started"), Map.of("PATH", "/usr/bin:/bin")))) {
      assertEquals(OptionalInt.of(0), process.waitFor(Duration.ofSeconds(20)));
      for (int i = 0; i < 100 && !running(marker); i++) {
        Thread.sleep(20); // the shell may exit before its child has exec'd sleep
      }
      assertTrue(running(marker), "the orphan is running before close");
    }
    for (int i = 0; i < 50 && running(marker); i++) {
      Thread.sleep(20);
    }
    assertFalse(running(marker), "sleep " + marker + " survived close()");
  }

  @Test
  void killEndsAProcessThatIgnoresSigterm() throws Exception {
    try (SandboxedProcess process = ProcessSandbox.detect().start(
        request(List.of("/bin/sh", "-c", "trap '' TERM; while true; do sleep 1; done"), Map.of("PATH", "/usr/bin:/bin")))) {
      assertTrue(process.isAlive());
      process.kill();
      assertTrue(process.waitFor(Duration.ofSeconds(10)).isPresent(), "still alive after kill()");
    }
  }

  private static boolean running(String marker) {
    return ProcessHandle.allProcesses().anyMatch(p -> p.isAlive()
        && p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false)
        && !p.info().command().orElse("").isEmpty());
  }
}
