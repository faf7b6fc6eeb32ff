package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grader.scorecard.Isolation;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Hostile programs run straight through the {@link Sandbox} interface (no grading engine): each
 * attack must be contained, the normal workload must still work, and closing a run must leave no
 * process, cgroup or file behind. Skips only where bubblewrap is genuinely unusable, unless
 * {@code -Dgrader.sandbox.required=true} (CI) turns that into a failure.
 */
class SandboxIT {

  /** The JVM the hostile programs run on: this one's, or {@code -Dgrader.it.java=<java home>} (e.g. Temurin 25). */
  private static final String JAVA = Path.of(System.getProperty("grader.it.java", "").isBlank()
      ? System.getProperty("java.home") : System.getProperty("grader.it.java"), "bin", "java").toString();
  private static final ResourceLimits SMALL = new ResourceLimits(64, 64, 768, 256, 256, 16, 32, 1 << 20, 2,
      Duration.ofSeconds(60), 64, 2000);

  private static Path root;
  private static Path classes;
  private static BubblewrapSandbox bubblewrap;
  private static String bubblewrapProblem;
  private Path work;
  private Path outputs;

  /** What a run printed and how it ended. */
  record Outcome(OptionalInt exit, String stdout, String stderr, long stdoutBytes, List<String> limitsHit,
      Duration elapsed) {
    String all() {
      return stdout + "\n" + stderr;
    }
  }

  @BeforeAll
  static void compileAttacks() throws IOException {
    SandboxProbe probe = Sandboxes.probe();
    bubblewrap = probe.sandbox().orElse(null);
    bubblewrapProblem = "bubblewrap unusable here: " + probe.problem() + " (fix: " + probe.fix() + ")";
    if (bubblewrap == null && Boolean.getBoolean("grader.sandbox.required")) {
      fail(bubblewrapProblem + "; grader.sandbox.required=true");
    }
    root = Files.createTempDirectory("sandbox-it-", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx--x--x")));
    classes = Files.createDirectory(root.resolve("classes"));
    Path source = root.resolve("Attacks.java");
    try (InputStream in = SandboxIT.class.getResourceAsStream("/grader/sandbox/Attacks.java")) {
      Files.copy(in, source);
    }
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-nowarn", "-d", classes.toString(),
        source.toString());
    assertEquals(0, status, "Attacks.java compiles");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.toList()) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x"
            : "rw-r--r--"));
      }
    }
  }

  @AfterAll
  static void removeRoot() throws IOException {
    if (root != null) {
      SandboxLeftovers.deleteTree(root);
    }
  }

  @BeforeEach
  void createWorkDir(TestInfo test) throws IOException {
    Path run = Files.createDirectory(root.resolve(test.getTestMethod().orElseThrow().getName() + "-"
        + UUID.randomUUID().toString().substring(0, 8)));
    work = Files.createDirectory(run.resolve("work"));
    outputs = Files.createDirectory(run.resolve("out"));
  }

  @AfterEach
  void nothingLeftBehind() throws IOException {
    assertEquals(List.of(), SandboxLeftovers.processesMentioning(work.toString()), "processes left running");
    assertEquals(List.of(), SandboxLeftovers.processesMentioning(classes.toString()), "processes left running");
    assertEquals(List.of(), SandboxLeftovers.cgroupsOfThisProcess(), "cgroups left");
    assertEquals(List.of(), SandboxLeftovers.runDirectoriesOfThisProcess(), "sandbox temp dirs left");
    assertEquals(List.of(), SandboxLeftovers.workMountsOfThisProcess(), "work mounts left");
    SandboxLeftovers.deleteTree(work.getParent());
  }

  /** What the last run had written into {@code written-by-sandbox.txt} before it was closed, if anything. */
  private String writtenBeforeClose;

  private Outcome run(Sandbox sandbox, ResourceLimits limits, Duration wait, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx" + limits.heapMegabytes() + "m",
        "-XX:MaxMetaspaceSize=" + limits.metaspaceMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError",
        "-XX:-UsePerfData", "-Xshare:auto", "-cp", classes.toString(), "Attacks"));
    command.addAll(List.of(args));
    Path stdout = outputs.resolve("stdout.txt");
    Path stderr = outputs.resolve("stderr.txt");
    SandboxRequest request = new SandboxRequest(command, work, Map.of("HOME", work.toString(), "TMPDIR", "/tmp",
        "JDK_JAVA_OPTIONS", "-Xmx32m"), List.of(classes), List.of(work), stdout, stderr, limits);
    long start = System.nanoTime();
    OptionalInt exit;
    List<String> hits;
    try (SandboxedProcess process = sandbox.start(request)) {
      process.stdin().close();
      exit = process.waitFor(wait);
      // A work mount takes what the run wrote with it on close: look while it is there, as the engine does.
      writtenBeforeClose = Files.exists(work.resolve("written-by-sandbox.txt"))
          ? Files.readString(work.resolve("written-by-sandbox.txt")) : null;
      process.close();
      hits = process.limitsHit();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Outcome(exit, head(stdout), head(stderr), Files.size(stdout), hits, elapsed);
  }

  private static String head(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(64 * 1024);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The bubblewrap tests skip, with the probe's reason, only where bubblewrap cannot run at all. */
  private static BubblewrapSandbox bubblewrap() {
    Assumptions.assumeTrue(bubblewrap != null, () -> bubblewrapProblem);
    return bubblewrap;
  }

  private static void assumeCgroups(boolean available, String what) {
    Assumptions.assumeTrue(available, "no cgroup " + what + " control here: " + bubblewrap.cgroups().description());
  }

  @Test
  void theNormalWorkloadStillWorks() throws Exception {
    Outcome outcome = run(bubblewrap(), ResourceLimits.defaults(), Duration.ofSeconds(60), "scenario");
    assertEquals(OptionalInt.of(0), outcome.exit(), outcome.all());
    assertTrue(outcome.stdout().contains("http ok=8"), outcome.all());
    assertTrue(outcome.stdout().contains("child rc=0 version-ok"), outcome.all());
    assertTrue(outcome.stdout().contains("tmp=/tmp/"), outcome.all());
    assertTrue(outcome.stdout().contains("local host="), "InetAddress.getLocalHost() works: " + outcome.all());
    Path written = work.resolve("written-by-sandbox.txt");
    assertEquals("hello", writtenBeforeClose, "the run can write its work dir");
    if (bubblewrap().mountsWorkDirectories()) {
      assertFalse(Files.exists(written), "the work mount took what the run wrote with it on close");
    } else {
      assertEquals("hello", Files.readString(written));
      assertEquals(SandboxUser.currentUid(), (Integer) Files.getAttribute(written, "unix:uid"),
          "files the run wrote belong to the grader again after close");
    }
    if (bubblewrap().user().dropFromRoot()) {
      assertTrue(outcome.stdout().contains("user=" + bubblewrap().user().name()), outcome.all());
    }
  }

  @Test
  void theFallbackRunsTheNormalWorkloadToo() throws Exception {
    Outcome outcome = run(ProcessSandbox.detect(), ResourceLimits.defaults(), Duration.ofSeconds(60), "scenario");
    assertEquals(OptionalInt.of(0), outcome.exit(), outcome.all());
    assertTrue(outcome.stdout().contains("http ok=8"), outcome.all());
    assertEquals(Isolation.PROCESS, ProcessSandbox.detect().isolation());
  }

  @Test
  void aServerOnTheHostLoopbackIsUnreachable() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket socket = server.accept()) {
            accepted.incrementAndGet();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(30), "connect",
          Integer.toString(server.getLocalPort()));
      assertFalse(outcome.stdout().contains("CONNECTED"), outcome.all());
      assertTrue(outcome.stdout().contains("refused 127.0.0.1"), outcome.all());
      assertEquals(0, accepted.get(), "connections the host server accepted");
    }
  }

  @Test
  void filesOutsideTheSandboxCannotBeRead() throws Exception {
    String secret = "SECRET-" + UUID.randomUUID();
    Path inHome = Path.of(System.getProperty("user.home"), ".grader-it-secret-" + UUID.randomUUID() + ".txt");
    Path inTmp = Path.of(System.getProperty("java.io.tmpdir"), "grader-it-secret-" + UUID.randomUUID() + ".txt");
    Path nextToWork = work.getParent().resolve("secret-next-to-work.txt");
    try {
      for (Path file : List.of(inHome, inTmp, nextToWork)) {
        Files.writeString(file, secret);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(60), "read", inHome.toString(), inTmp.toString(),
          nextToWork.toString(), "../secret-next-to-work.txt");
      assertFalse(outcome.all().contains(secret), outcome.all());
      assertFalse(outcome.stdout().contains("READ "), outcome.all());
      assertTrue(outcome.stdout().contains("cannot open /proc/self/mem"), outcome.all());
      assertFalse(outcome.stdout().contains("OPENED /etc/shadow"), outcome.all());
    } finally {
      for (Path file : List.of(inHome, inTmp, nextToWork)) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  void nothingOutsideTheWorkDirCanBeWritten() throws Exception {
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(30), "escape");
    assertFalse(outcome.stdout().contains("WROTE /"), outcome.all());
    // "../escaped.txt" may succeed when the work dir lies under /tmp: it lands in the private
    // tmpfs that holds the mount point, never next to the real work dir.
    assertFalse(Files.exists(work.getParent().resolve("escaped.txt")), "written next to the work dir on the host");
  }

  /**
   * A native library (a real JNI one, compiled here with gcc) and a program written as bytes into
   * every writable place (/tmp, /dev/shm, the work dir, home) can be neither loaded nor run: the
   * writable mounts are noexec (root), /dev is read-only.
   */
  @Test
  void writtenBytesNeverBecomeNativeCodeOrPrograms() throws Exception {
    BubblewrapSandbox sandbox = bubblewrap();
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "noexec mounts need a root grader");
    Path gcc = Path.of("/usr/bin/gcc");
    Assumptions.assumeTrue(Files.isExecutable(gcc), "gcc is not installed");
    Path source = root.resolve("probe.c");
    Files.writeString(source, "#include <jni.h>\n"
        + "JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) { return JNI_VERSION_1_8; }\n"
        + "int main(void) { return 42; }\n");
    // In the class folder: the one path besides the work dir that the sandbox shows (read-only).
    Path library = classes.resolve("probe.so");
    Path program = classes.resolve("probe");
    String include = Path.of(System.getProperty("java.home"), "include").toString();
    for (List<String> gccCommand : List.of(
        List.of(gcc.toString(), "-shared", "-fPIC", "-I", include, "-I", include + "/linux", "-o", library.toString(),
            source.toString()),
        List.of(gcc.toString(), "-I", include, "-I", include + "/linux", "-o", program.toString(), source.toString()))) {
      Process compile = new ProcessBuilder(gccCommand).redirectErrorStream(true).start();
      String log = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, compile.waitFor(), log);
    }
    for (Path file : List.of(library, program)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    // The same bytes load and run outside the sandbox: the test would prove nothing otherwise.
    Process outside = new ProcessBuilder(program.toString()).start();
    assertEquals(42, outside.waitFor());
    Outcome outcome = run(sandbox, SMALL, Duration.ofSeconds(60), "written-code", library.toString(),
        program.toString());
    assertEquals(OptionalInt.of(0), outcome.exit(), outcome.all());
    assertFalse(outcome.stdout().contains("LOADED"), outcome.all());
    assertFalse(outcome.stdout().contains("EXECUTED"), outcome.all());
    assertEquals(4, outcome.stdout().lines().filter(l -> l.startsWith("cannot load ")).count(), outcome.all());
    assertEquals(4, outcome.stdout().lines().filter(l -> l.startsWith("cannot run ")).count(), outcome.all());
  }

  @Test
  void aThreadBombHitsTheTaskLimit() throws Exception {
    assumeCgroups(bubblewrap().cgroups().limitsTasks(), "pids");
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(60), "threads");
    assertTrue(outcome.exit().isPresent(), "the bomb ends by itself: " + outcome.all());
    assertTrue(outcome.stdout().contains("threads stopped at"), outcome.all());
    assertTrue(outcome.limitsHit().stream().anyMatch(s -> s.contains("threads and processes")), outcome.toString());
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void aProcessSprayHitsTheTaskLimitAndDiesWithTheRun() throws Exception {
    assumeCgroups(bubblewrap().cgroups().limitsTasks(), "pids");
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(20), "spray", "300");
    assertTrue(outcome.stdout().contains("spray stopped at"), outcome.all());
    assertTrue(outcome.limitsHit().stream().anyMatch(s -> s.contains("threads and processes")), outcome.toString());
  }

  @Test
  void aNativeMemoryBombIsKilledAtTheMemoryLimit() throws Exception {
    assumeCgroups(bubblewrap().cgroups().limitsMemory(), "memory");
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(60), "native");
    assertTrue(outcome.exit().isPresent(), "killed by the kernel, not by the timeout: " + outcome);
    assertTrue(outcome.limitsHit().stream().anyMatch(s -> s.contains("memory limit of 768 MB")), outcome.toString());
  }

  @Test
  void anOutputFloodStopsAtTheFileSizeLimit() throws Exception {
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(60), "flood");
    assertTrue(outcome.exit().isPresent(), outcome.toString());
    assertTrue(outcome.stdoutBytes() <= 16L << 20, "stdout bytes " + outcome.stdoutBytes());
  }

  @Test
  void theFallbackStopsAnOutputFloodToo() throws Exception {
    Outcome outcome = run(ProcessSandbox.detect(), SMALL, Duration.ofSeconds(60), "flood");
    assertTrue(outcome.exit().isPresent(), outcome.toString());
    assertTrue(outcome.stdoutBytes() <= 16L << 20, "stdout bytes " + outcome.stdoutBytes());
  }

  @Test
  void fillingTheWorkDirStopsTheRun() throws Exception {
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(60), "fill", ".");
    assertTrue(outcome.exit().isPresent(), outcome.toString());
    assertTrue(outcome.limitsHit().stream().anyMatch(s -> s.contains("work directory")), outcome.toString());
  }

  @Test
  void creatingMillionsOfFilesStopsTheRun() throws Exception {
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(60), "many-files", ".");
    assertTrue(outcome.exit().isPresent(), outcome.toString());
    assertTrue(outcome.limitsHit().stream().anyMatch(s -> s.contains("work directory")), outcome.toString());
  }

  @Test
  void fillingTmpEndsAtItsSize() throws Exception {
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(60), "fill", "/tmp");
    assertTrue(outcome.stdout().contains("No space left on device"), outcome.all());
    assertEquals(OptionalInt.of(0), outcome.exit(), outcome.all());
  }

  @Test
  void aHookThatNeverEndsIsKilled() throws Exception {
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(3), "hook");
    assertTrue(outcome.exit().isEmpty(), "the JVM hangs in its hook until killed: " + outcome);
    assertTrue(outcome.elapsed().compareTo(Duration.ofSeconds(20)) < 0, outcome.toString());
  }

  @Test
  void theFallbackKillsAHookThatNeverEnds() throws Exception {
    Outcome outcome = run(ProcessSandbox.detect(), SMALL, Duration.ofSeconds(3), "hook");
    assertTrue(outcome.exit().isEmpty(), outcome.toString());
  }

  @Test
  void anOrphanedGrandchildDiesWithTheRun() throws Exception {
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(30), "orphan");
    assertEquals(OptionalInt.of(0), outcome.exit(), outcome.all());
    assertTrue(outcome.stdout().contains("orphan pid="), outcome.all());
  }

  @Tag("slow") // over 4 s: make test-fast leaves it out; make test (CI) runs it
  @Test
  void theWallClockBackstopStopsARunTheEngineForgot() throws Exception {
    ResourceLimits shortClock = SMALL.withWallClock(Duration.ofSeconds(1));
    Outcome outcome = run(bubblewrap(), shortClock, Duration.ofSeconds(30), "sleep", "600000");
    assertTrue(outcome.exit().isPresent(), outcome.toString());
    assertTrue(outcome.limitsHit().stream().anyMatch(s -> s.contains("wall clock")), outcome.toString());
  }

  @Test
  void filesTheRunLockedAreDeletableAndLinksAreNotFollowed() throws Exception {
    Object passwdOwner = Files.getAttribute(Path.of("/etc/passwd"), "unix:uid");
    Outcome outcome = run(bubblewrap(), SMALL, Duration.ofSeconds(30), "lock-out");
    assertTrue(outcome.stdout().contains("locked"), outcome.all());
    assertEquals(passwdOwner, Files.getAttribute(Path.of("/etc/passwd"), "unix:uid"));
    if (bubblewrap().mountsWorkDirectories()) {
      // Unmounting removed the locked tree and the link; what the grader had put there is back.
      assertFalse(Files.exists(work.resolve("locked"), LinkOption.NOFOLLOW_LINKS));
      assertFalse(Files.exists(work.resolve("link-to-passwd"), LinkOption.NOFOLLOW_LINKS));
    } else {
      assertTrue(Files.isSymbolicLink(work.resolve("link-to-passwd")));
      assertTrue(Files.isReadable(work.resolve("locked/inner/file.txt")));
    }
    assertTrue(Files.exists(Path.of("/etc/hosts"), LinkOption.NOFOLLOW_LINKS));
  }
}
