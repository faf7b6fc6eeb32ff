package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.agent.LaunchGateAgent;
import grader.suites.support.LaunchGate.Answer;
import grader.suites.support.LaunchGate.Launch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch gate against real child JVMs that carry the agent, as the student's workers do: what
 * the gate records, how a rendezvous releases or breaks, and how a scripted answer ends a JVM.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LaunchGateIT {
  private static final String PROBE = LaunchGateProbe.class.getName();

  @TempDir static Path work;
  private static Path agentJar;

  @TempDir Path gateDirectory;

  @BeforeAll
  static void buildAgentJar() throws Exception {
    // Built from the compiled classes, so the test needs no packaged jar and checks exactly this code.
    agentJar = work.resolve("agent.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), LaunchGateAgent.class.getName());
    // Failsafe puts the packaged grader.jar on the class path, surefire the classes folder.
    Path source = codeSource(LaunchGateAgent.class);
    java.nio.file.FileSystem jarFileSystem =
        Files.isRegularFile(source) ? java.nio.file.FileSystems.newFileSystem(source) : null;
    Path classes = jarFileSystem == null ? source : jarFileSystem.getPath("/");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(agentJar), manifest);
        var files = Files.walk(classes.resolve("grader/agent"))) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(file));
        jar.closeEntry();
      }
    } finally {
      if (jarFileSystem != null) {
        jarFileSystem.close();
      }
    }
  }

  @Test
  void observeRecordsEachWatchedJvmWithItsPidAndExactArguments() throws Exception {
    try (LaunchGate gate = open(Set.of(PROBE), 1, Duration.ZERO, launch -> Answer.proceed())) {
      Child child = start("1", "two words", "");
      assertEquals(0, child.waitFor());
      assertEquals("probe ran with 3 arguments: 1|two words|\n", child.stdout());
      List<Launch> launches = gate.launches();
      assertEquals(1, launches.size());
      assertEquals(child.process.pid(), launches.get(0).pid());
      assertEquals(PROBE, launches.get(0).mainClass());
      assertEquals(List.of("1", "two words", ""), launches.get(0).arguments());
    }
  }

  @Test
  void jvmsWithAnotherMainClassOrWithoutAnOpenGateRunUntouched() throws Exception {
    try (LaunchGate gate = open(Set.of("some.OtherMain"), 1, Duration.ZERO, launch -> Answer.exit(9, "", ""))) {
      Child child = start("a");
      assertEquals(0, child.waitFor());
      assertEquals(List.of(), gate.launches());
    }
    Child afterClose = start("b");
    assertEquals(0, afterClose.waitFor());
    assertEquals("probe ran with 1 arguments: b\n", afterClose.stdout());
  }

  @Test
  void aScriptedExitEndsTheJvmBeforeMainWithTheGivenStatusAndOutput() throws Exception {
    try (LaunchGate gate = open(Set.of(PROBE), 1, Duration.ZERO,
        launch -> launch.arguments().contains("fail") ? Answer.exit(3, "not a number\n", "injected failure\n")
            : Answer.proceed())) {
      Child failing = start("fail");
      Child running = start("run");
      assertEquals(3, failing.waitFor());
      assertEquals("not a number\n", failing.stdout());
      assertTrue(failing.stderr().endsWith("injected failure\n"), failing.stderr());
      assertEquals(0, running.waitFor());
      assertEquals("probe ran with 1 arguments: run\n", running.stdout());
      assertEquals(2, gate.launches().size());
    }
  }

  @Test
  void aRendezvousReleasesLaunchesThatArriveTogether() throws Exception {
    try (LaunchGate gate = open(Set.of(PROBE), 3, Duration.ofSeconds(40), launch -> Answer.proceed())) {
      List<Child> children = List.of(start("1"), start("2"), start("3"));
      for (Child child : children) {
        assertEquals(0, child.waitFor());
      }
      assertEquals(3, gate.released());
      assertEquals(0, gate.timedOut());
      assertEquals(3, gate.maxWaitingTogether());
    }
  }

  @Test
  void aRendezvousBreaksWhenLaunchesComeOneAfterTheOther() throws Exception {
    try (LaunchGate gate = open(Set.of(PROBE), 2, Duration.ofSeconds(1), launch -> Answer.proceed())) {
      assertEquals(0, start("first").waitFor());
      assertEquals(0, start("second").waitFor());
      assertEquals(0, gate.released());
      assertEquals(1, gate.timedOut());
      assertEquals(1, gate.passed());
      assertEquals(1, gate.maxWaitingTogether());
    }
  }

  @Test
  void theGateSeesEachBelievedJvmEndSoWorkersWaitedForOneByOneMakeAStaircase() throws Exception {
    try (LaunchGate gate = open(Set.of(PROBE), 1, Duration.ZERO, launch -> Answer.proceed())) {
      long called = System.nanoTime();
      assertEquals(0, start("first").waitFor());
      assertEquals(0, start("second").waitFor());
      // The end is noticed on another thread, shortly after the student's waitFor returns.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (gate.launches().stream().anyMatch(l -> gate.endedNanos(l).isEmpty()) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long returned = System.nanoTime();
      List<Launch> launches = gate.launches();
      assertEquals(2, launches.size());
      for (Launch launch : launches) {
        long ended = gate.endedNanos(launch).orElseThrow();
        assertTrue(launch.arrivedNanos() < ended && ended <= returned, "ended between arrival and now");
        assertFalse(gate.stillRunning(launch));
      }
      List<grader.protocol.TimelineEntry> alive = WorkerTimeline.of(gate,
          launch -> java.util.Optional.of("probe " + launch.arguments().size()), "run", called, returned)
          .entries().stream().filter(e -> e.kind().equals("alive")).toList();
      assertEquals(List.of("worker 1", "worker 2"), alive.stream().map(grader.protocol.TimelineEntry::lane).toList());
      assertTrue(alive.get(0).endMs() < alive.get(1).startMs(), "a staircase: " + alive);
      assertEquals("probe 1, alive until it ended", alive.get(0).label());
    }
  }

  @Test
  void aWorkerStillRunningWhenTheCallReturnedIsAliveUntilTheReturnAndSaysSo() throws Exception {
    try (LaunchGate gate = open(Set.of(PROBE), 2, Duration.ofSeconds(30), launch -> Answer.proceed())) {
      long called = System.nanoTime();
      Child held = start("held");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (gate.launches().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long returned = System.nanoTime();
      List<grader.protocol.TimelineEntry> alive = WorkerTimeline.of(gate, "run", called, returned).entries().stream()
          .filter(e -> e.kind().equals("alive")).toList();
      assertEquals(1, alive.size());
      assertEquals("still alive when the call returned", alive.get(0).label());
      gate.close();
      assertEquals(0, held.waitFor());
    }
  }

  @Test
  void closingTheGateReleasesHeldLaunches() throws Exception {
    Child held;
    try (LaunchGate gate = open(Set.of(PROBE), 2, Duration.ofSeconds(40), launch -> Answer.proceed())) {
      held = start("alone");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (gate.launches().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertFalse(gate.launches().isEmpty(), "the child never reached the gate");
      assertTrue(held.process.isAlive());
    }
    assertEquals(0, held.waitFor());
  }

  @Test
  void forgedReportsOverLoopbackAreNotBelieved() throws Exception {
    try (LaunchGate gate = open(Set.of(PROBE), 3, Duration.ofSeconds(2), launch -> Answer.proceed())) {
      // What a student who read the agent does: read the port from the gate file, report workers.
      java.util.Properties file = new java.util.Properties();
      try (var in = Files.newInputStream(gateDirectory.resolve(LaunchGateAgent.GATE_FILE))) {
        file.load(in);
      }
      int port = Integer.parseInt(file.getProperty("port"));
      String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> claimed = List.of(javaExe, "-cp", "x", PROBE, "1", "25");
      // A real JVM of the right main class, started without the agent, alive, reported with other arguments.
      Process linger = new ProcessBuilder(javaExe, "-cp", System.getProperty("java.class.path"), PROBE, "linger").start();
      try {
        List<String> lingerCommand = LaunchCheck.cmdline(Files.readAllBytes(Path.of("/proc/" + linger.pid() + "/cmdline")));
        List<String> lies = List.of(
            LaunchGateAgent.encode(ProcessHandle.current().pid(), PROBE, List.of("1", "25"), claimed),
            LaunchGateAgent.encode(Integer.MAX_VALUE - 3, PROBE, List.of("26", "50"), claimed),
            LaunchGateAgent.encode(linger.pid(), PROBE, List.of("51", "75"), lingerCommand),
            LaunchGateAgent.encode(linger.pid(), PROBE, List.of("linger"), claimed));
        for (String lie : lies) {
          try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write((lie + "\n").getBytes(StandardCharsets.UTF_8));
            assertEquals("go", new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)).readLine(), "a forged report is answered, so nothing hangs");
          }
        }
        assertEquals(List.of(), gate.launches());
        assertEquals(0, gate.released());
        List<String> rejected = gate.rejected();
        assertEquals(4, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).contains("not started by the code under test"), rejected.get(0));
        assertTrue(rejected.get(1).contains("not a running process"), rejected.get(1));
        assertTrue(rejected.get(2).contains("not the reported"), rejected.get(2));
        assertTrue(rejected.get(3).contains("command line is"), rejected.get(3));
        // The true report of a real worker still counts, once: a copy of it does not.
        Child real = start("real");
        assertEquals(0, real.waitFor());
        assertEquals(1, gate.launches().size());
        assertEquals(real.process.pid(), gate.launches().get(0).pid());
      } finally {
        linger.destroyForcibly().waitFor();
      }
    }
  }

  private LaunchGate open(Set<String> mainClasses, int parties, Duration hold,
      java.util.function.Function<Launch, Answer> script) {
    return LaunchGate.open(gateDirectory, mainClasses, parties, hold, script);
  }

  private Child start(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-javaagent:" + agentJar + "=" + gateDirectory,
        "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        PROBE));
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile(work, "child", ".out");
    Path err = Files.createTempFile(work, "child", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    // The agent comes from the command line only, whatever the environment of the build says.
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      // nothing to send
    }
    return new Child(process, out, err);
  }

  private record Child(Process process, Path out, Path err) {
    int waitFor() throws InterruptedException {
      assertTrue(process.waitFor(40, TimeUnit.SECONDS), "the child JVM did not end");
      return process.exitValue();
    }

    String stdout() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
      return Files.readString(err, StandardCharsets.UTF_8);
    }
  }

  private static Path codeSource(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
