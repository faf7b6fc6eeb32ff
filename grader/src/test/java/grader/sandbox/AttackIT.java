package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grader.fixtures.AttackExpectation;
import grader.fixtures.Fixture;
import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import grader.grading.GradeRequest;
import grader.grading.Grader;
import grader.grading.GraderSetup;
import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import grader.run.GraderInstallation;
import grader.run.PrivateInstallation;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The attack suite: every hostile submission under {@code src/test/fixtures/attack/<name>/} is
 * graded end to end by the real engine, in the bubblewrap sandbox and, where the attack is safe to
 * run unsandboxed, in the process fallback. Whatever the attack, grading ends in time, the attacked
 * exercise fails with a message that says what happened, the other exercise keeps the solutions'
 * score, the scorecard is valid and small, the planted secret appears nowhere, the host's loopback
 * server sees no connection, and nothing is left running or on disk.
 *
 * <p>A fixture holds only the overriding student files (overlaid on a copy of {@code solutions/}, as
 * {@link grader.fixtures.Fixture} says) and {@code attack.properties} (read by {@link AttackExpectation}): {@code exercise} (the attacked one), {@code fallback} (safe to run
 * without a sandbox), {@code message} (alternatives, separated by {@code |}, one of which the
 * attacked exercise's messages must contain) and optionally {@code failing} (tests that must not
 * pass), {@code exact} ({@code true}: every other test of the attacked exercise must pass, so the
 * fixture shows exactly which verdicts its attack would have forged), {@code earns} (the most points the attacked exercise may get: 0 for an attack on the
 * untouched skeleton that tries to forge its marks) and {@code requires} (cgroup controllers without
 * which the attack is not safe to run).
 *
 * <p>An attack the bytecode policy stops names the API in {@code policy-api}: graded as usual it
 * must earn nothing, with status {@code compile_error} and a {@code policy} diagnostic naming that
 * API ({@code message} and {@code failing} are then not checked). With {@code
 * also-without-policy=true} it is graded a second time with the policy switched off, to show that
 * the run-time layers stop it on their own; {@code message}, {@code failing} and {@code earns} apply
 * to that run.
 *
 * <p>Which mode proves what, and so which modes a fixture runs in: {@code bubblewrap} (with the
 * policy) is the grading students get, every fixture runs in it. {@code process fallback} proves
 * the run-time layers a machine without bubblewrap still has (resource limits, the harness's own
 * defences); an attack the policy refuses never reaches them with the policy on, so such a fixture
 * runs in the fallback only without the policy (the refusal itself is the same code in every
 * sandbox, and {@code bubblewrap} already proves it). The modes {@code without the bytecode
 * policy} prove that the run-time layers of that sandbox stop the attack on their own.
 *
 * <p>The neighbour exercise ({@link AttackExpectation#neighbour()}, run beside the attacked one, as
 * the engine runs exercises at the same time) is graded wherever the attack's code runs, to show
 * that it cannot reach across; a run the policy refuses runs none of the attack's code, so there
 * only the attacked exercise is graded.
 *
 * <p>Gradings run {@code -Dgrader.it.jobs} at a time (default 2): verdicts must not depend on a
 * second grading beside them. Fewer than {@code FixtureVerdictsIT}'s batch-like default, because
 * here each grading has a grader, and so harness slots, of its own, and several attacks spin on
 * every core: more at once would load the machine beyond what any batch does. What a
 * grading may leave behind (processes, cgroups, mounts, temp folders, files in the work root and in
 * {@code /tmp}, connections to the host's server) is looked up from outside and cannot tell whose
 * it is, so those checks run when no grading runs: each grading holds {@link #QUIET} shared while
 * it runs and alone for its checks, which then cover it and the grading that ran beside it.
 */
@Tag("slow") // make test-fast leaves it out; make test (CI) runs it
class AttackIT {

  private static final Duration EXERCISE_WALL_CLOCK = Duration.ofSeconds(90);
  private static final long MAX_SCORECARD_BYTES = 200 * 1024;
  private static final String SECRET_NAME = "grader-attack-secret";

  private static Path root;
  private static Path workRoot;
  private static GraderInstallation installation;
  private static Rubric rubric;
  private static ResourceLimits limits;
  private static BubblewrapSandbox bubblewrap;
  private static String bubblewrapProblem;
  private static ServerSocket hostServer;
  private static final AtomicInteger HOST_CONNECTIONS = new AtomicInteger();
  private static String secret;
  private static List<Path> plantedSecrets;
  /** Shared by running gradings, held alone by the checks for leftovers (fair: a check waits for no new grading). */
  private static final ReentrantReadWriteLock QUIET = new ReentrantReadWriteLock(true);
  private static ExecutorService jobs;

  @BeforeAll
  static void setUp() throws Exception {
    SandboxProbe probe = Sandboxes.probe();
    bubblewrap = probe.sandbox().orElse(null);
    bubblewrapProblem = probe.problem() + " (fix: " + probe.fix() + ")";
    if (bubblewrap == null && Boolean.getBoolean("grader.sandbox.required")) {
      fail("bubblewrap unusable here: " + bubblewrapProblem + "; grader.sandbox.required=true");
    }
    root = Files.createTempDirectory("attack-it-", PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwx--x--x")));
    workRoot = Files.createDirectory(root.resolve("work"));
    installation = PrivateInstallation.copy(root.resolve("grader"));
    rubric = RubricLoader.ofGrader().load();
    limits = ResourceLimits.defaults().withWallClock(EXERCISE_WALL_CLOCK);
    jobs = Executors.newFixedThreadPool(Integer.getInteger("grader.it.jobs", 2));

    hostServer = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (!hostServer.isClosed()) {
        try (Socket socket = hostServer.accept()) {
          HOST_CONNECTIONS.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "attack-it-host-server");
    acceptor.setDaemon(true);
    acceptor.start();

    secret = "SECRET-" + UUID.randomUUID();
    plantedSecrets = List.of(Path.of(System.getProperty("java.io.tmpdir"), SECRET_NAME + ".txt"),
        Path.of(System.getProperty("user.home"), "." + SECRET_NAME + ".txt"), root.resolve(SECRET_NAME + ".txt"));
    for (Path file : plantedSecrets) {
      Files.writeString(file, secret);
      // World-readable on purpose: only the sandbox, not file permissions, may keep it away.
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @AfterAll
  static void tearDown() throws IOException {
    if (jobs != null) {
      jobs.shutdownNow();
    }
    if (hostServer != null) {
      hostServer.close();
    }
    if (plantedSecrets != null) {
      for (Path file : plantedSecrets) {
        Files.deleteIfExists(file);
      }
    }
    if (root != null) {
      SandboxLeftovers.deleteTree(root);
    }
  }

  @TestFactory
  Stream<DynamicNode> attacks() throws IOException {
    List<Fixture> fixtures = FixtureLibrary.all(FixtureKind.ATTACK);
    // -Dattack.only=a,b grades only those fixtures (and the intake attacks), for a quick look at new ones.
    List<String> only = AttackExpectation.split(System.getProperty("attack.only"), ",");
    if (!only.isEmpty()) {
      fixtures = fixtures.stream().filter(f -> only.contains(f.name())).toList();
    }
    // Every grading is submitted now (the pool bounds how many run); each test waits for its own.
    // The runs the policy refuses take seconds and go first, so the two gradings that run side by
    // side (and wait for each other before their checks) take about as long as each other.
    List<Runnable> quick = new ArrayList<>();
    List<Runnable> slow = new ArrayList<>();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Fixture fixture : fixtures) {
      AttackExpectation attack = fixture.attack();
      List<DynamicTest> modes = new ArrayList<>();
      modes.add(mode("bubblewrap", attack.policyStops() ? quick : slow, () -> {
        assumeBubblewrap();
        assumeCgroups(attack);
        gradeAttack(attack, bubblewrap, true);
      }));
      if (attack.fallback() && !attack.policyStops()) {
        modes.add(mode("process fallback", slow, () -> gradeAttack(attack, ProcessSandbox.detect(), true)));
      }
      if (attack.alsoWithoutPolicy()) {
        modes.add(mode("bubblewrap, without the bytecode policy", slow, () -> {
          assumeBubblewrap();
          assumeCgroups(attack);
          gradeAttack(attack, bubblewrap, false);
        }));
        if (attack.fallback()) {
          modes.add(mode("process fallback, without the bytecode policy", slow,
              () -> gradeAttack(attack, ProcessSandbox.detect(), false)));
        }
      }
      if (attack.name().equals("read-secrets")) {
        modes.add(mode("control: without a sandbox it does steal the secret", slow,
            () -> secretReaderStealsWithoutSandbox(attack)));
      }
      nodes.add(DynamicContainer.dynamicContainer(attack.name() + ": " + attack.description(), modes));
    }
    nodes.add(DynamicContainer.dynamicContainer("symlinks in a submission folder are not followed", List.of(
        mode("bubblewrap", slow, () -> {
          assumeBubblewrap();
          gradeIntakeAttack(symlinkFolder(), bubblewrap);
        }))));
    nodes.add(DynamicContainer.dynamicContainer("a zip with ../, absolute and symlink entries is contained", List.of(
        mode("bubblewrap", slow, () -> {
          assumeBubblewrap();
          gradeIntakeAttack(slipZip(), bubblewrap);
        }))));
    quick.forEach(Runnable::run);
    slow.forEach(Runnable::run);
    return nodes.stream();
  }

  /** One grading of the suite, run on the job pool, with its checks for leftovers; the test waits for it. */
  @FunctionalInterface
  private interface Grading {
    void run() throws Exception;
  }

  /** A test for {@code grading}; {@code queue} gets the action that submits it to the pool. */
  private static DynamicTest mode(String name, List<Runnable> queue, Grading grading) {
    FutureTask<Void> task = new FutureTask<>(() -> {
      checked(grading);
      return null;
    });
    queue.add(() -> jobs.execute(task));
    return DynamicTest.dynamicTest(name, () -> {
      try {
        task.get();
      } catch (ExecutionException e) {
        throw e.getCause();
      }
    });
  }

  /** Runs a grading while holding {@link #QUIET} shared, then checks for leftovers while holding it alone. */
  private static void checked(Grading grading) throws Exception {
    Throwable failure = null;
    QUIET.readLock().lock();
    try {
      grading.run();
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      QUIET.readLock().unlock();
    }
    QUIET.writeLock().lock();
    try {
      // Counted from the last check: a connection during this grading or the one that ran beside it.
      assertEquals(0, HOST_CONNECTIONS.getAndSet(0), "connections the host's loopback server accepted");
      assertNothingLeft();
    } catch (Exception | Error e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    } finally {
      QUIET.writeLock().unlock();
    }
    if (failure instanceof Exception e) {
      throw e;
    } else if (failure != null) {
      throw (Error) failure;
    }
  }

  private static void assumeBubblewrap() {
    Assumptions.assumeTrue(bubblewrap != null, () -> "bubblewrap unusable here: " + bubblewrapProblem);
  }

  /**
   * Attacks that only a cgroup bounds (a thread bomb without {@code pids.max} runs until the host
   * gives up) are skipped, with the reason, where the grader cannot create cgroups (not root).
   */
  private static void assumeCgroups(AttackExpectation attack) {
    CgroupLayout cgroups = bubblewrap.cgroups();
    for (String controller : attack.requires()) {
      boolean available = controller.equals("pids") ? cgroups.limitsTasks()
          : controller.equals("memory") ? cgroups.limitsMemory() : false;
      Assumptions.assumeTrue(available, () -> attack.name() + " needs the cgroup " + controller
          + " controller, which this grader cannot use: " + cgroups.description());
    }
  }

  /** Grades one fixture and checks everything the attack suite promises. */
  private void gradeAttack(AttackExpectation attack, Sandbox sandbox, boolean policy) throws Exception {
    Path submission = overlaySolutions(attack);
    boolean refused = policy && attack.policyStops(); // nothing of the attack runs, nothing can reach across
    Scorecard card = grade(sandbox, submission, attack.name(),
        refused ? Set.of(attack.exercise()) : Set.of(attack.exercise(), attack.neighbour()), policy);
    ExerciseResult attacked = exercise(card, attack.exercise());
    String report = describe(attacked);
    assertTrue(attacked.score().compareTo(attacked.maxScore()) < 0, "the attack costs points:\n" + report);
    attack.earns().ifPresent(most -> assertTrue(attacked.score().compareTo(most) <= 0,
        "the attack earns at most " + most + " points:\n" + report));
    if (refused) {
      assertPolicyRefused(attack, attacked, report);
    } else if (!attack.messages().isEmpty()) {
      String messages = messages(attacked);
      assertTrue(attack.messages().stream().anyMatch(messages::contains),
          "a message says what happened (one of " + attack.messages() + "):\n" + report);
    }
    for (String test : refused ? List.<String>of() : attack.failing()) {
      TestResult result = attacked.tests().stream().filter(t -> t.id().equals(test)).findFirst()
          .orElseThrow(() -> new AssertionError("no test " + test + " in " + report));
      assertNotEquals(TestStatus.PASSED, result.status(), test + " must not pass:\n" + report);
    }
    if (attack.exact() && !refused) { // a policy refusal runs no test at all
      List<String> alsoFailing = attacked.tests().stream()
          .filter(t -> t.status() != TestStatus.PASSED && !attack.failing().contains(t.id())).map(TestResult::id)
          .toList();
      assertEquals(List.of(), alsoFailing, () -> "only " + attack.failing() + " fail:\n" + report);
    }
    if (!refused) {
      assertKeepsSolutionsMarks(exercise(card, attack.neighbour()), "the neighbour exercise");
    }
    // One line per attack in the test output: what the student reads, for docs/SANDBOX.md.
    System.out.println("ATTACK " + attack.name() + " [" + card.isolation().id() + (policy ? "" : ", no policy") + "] "
        + attacked.score() + "/" + attacked.maxScore() + " in " + card.durationMs() / 1000 + " s: "
        + abbreviate(firstMessage(attacked)));
    // The work-dir limits as the run met them (the measured numbers for docs/SANDBOX.md).
    messages(attacked).lines().filter(line -> line.contains("work directory")).distinct().limit(3)
        .forEach(line -> System.out.println("ATTACK-LIMIT " + attack.name() + ": " + abbreviate(line)));
  }

  /** The policy refused the attack before it ran: no points, a compile error, a policy finding naming the API. */
  private static void assertPolicyRefused(AttackExpectation attack, ExerciseResult attacked, String report) {
    assertEquals(0, attacked.score().signum(), "an attack the policy refuses earns nothing:\n" + report);
    assertEquals(ExerciseStatus.COMPILE_ERROR, attacked.status(), "the policy refuses like a compiler:\n" + report);
    assertTrue(String.valueOf(attacked.message()).contains("does not allow"), "the message says why:\n" + report);
    assertTrue(attacked.diagnostics().stream().anyMatch(d -> d.kind().equals("policy")
        && d.message().contains(attack.policyApi())), "a policy diagnostic names " + attack.policyApi() + ":\n"
        + report + "\n" + attacked.diagnostics());
    assertTrue(attacked.tests().stream().allMatch(t -> t.status() == TestStatus.NOT_RUN),
        "nothing of it ran:\n" + report);
  }

  /**
   * The control experiment: without a sandbox the secret reader does steal the secret, so its
   * passing bubblewrap run above is evidence and not an attack that never worked.
   */
  private void secretReaderStealsWithoutSandbox(AttackExpectation attack) throws Exception {
    Path submission = overlaySolutions(attack);
    Scorecard card = new Grader(GraderSetup.builder(installation, rubric, ProcessSandbox.detect()).limits(limits)
        .workRoot(workRoot, false).build()).grade(new GradeRequest(submission, attack.name(), Set.of(attack.exercise())));
    assertTrue(ScorecardJson.toJson(card).contains(secret), "the fixture finds the secret when nothing stops it");
  }

  private static String firstMessage(ExerciseResult result) {
    if (result.message() != null) {
      return result.message();
    }
    return result.tests().stream().map(TestResult::message).filter(m -> m != null && !m.isBlank()).findFirst()
        .orElse("");
  }

  /** Grades an intake attack: it must not change any score compared to the solutions, nor leak the secret. */
  private void gradeIntakeAttack(Path submission, Sandbox sandbox) throws Exception {
    Scorecard card = grade(sandbox, submission, submission.getFileName().toString(), Set.of("threads", "async"), true);
    for (String id : List.of("threads", "async")) {
      assertKeepsSolutionsMarks(exercise(card, id), "with the links and escaping entries, " + id);
    }
    assertFalse(Files.exists(root.resolve("zip-slip.txt")), "a ../ entry escaped the work dir");
    assertFalse(Files.exists(Path.of("/tmp/grader-attack-zip-absolute.txt")), "an absolute entry was written");
  }

  /**
   * Grades, then checks what every attack must leave intact: time, scorecard, secret (network and
   * leftovers: {@link #checked}).
   */
  private Scorecard grade(Sandbox sandbox, Path submission, String id, Set<String> exercises, boolean policy)
      throws Exception {
    Grader grader = new Grader(GraderSetup.builder(installation, rubric, sandbox).limits(limits)
        .workRoot(workRoot, false).bytecodePolicy(policy).build());
    long start = System.nanoTime();
    Scorecard card = grader.grade(new GradeRequest(submission, id, exercises));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(sandbox.isolation(), card.isolation());
    assertTrue(took.compareTo(EXERCISE_WALL_CLOCK.multipliedBy(exercises.size()).plusSeconds(60)) < 0,
        "grading ends within its deadline, took " + took.toSeconds() + " s");
    String json = ScorecardJson.toJson(card);
    assertTrue(json.getBytes(StandardCharsets.UTF_8).length < MAX_SCORECARD_BYTES,
        "scorecard is small: " + json.length() + " chars");
    assertEquals(card, ScorecardJson.fromJson(json), "scorecard round-trips as valid JSON");
    assertFalse(json.contains(secret), "the planted secret leaked into the scorecard");
    return card;
  }

  private static void assertNothingLeft() throws IOException {
    assertEquals(List.of(), SandboxLeftovers.processesMentioning(workRoot.toString()), "processes left running");
    assertEquals(List.of(), SandboxLeftovers.cgroupsOfThisProcess(), "cgroups left");
    assertEquals(List.of(), SandboxLeftovers.runDirectoriesOfThisProcess(), "sandbox temp dirs left");
    assertEquals(List.of(), SandboxLeftovers.workMountsOfThisProcess(), "work mounts left");
    assertEquals(List.of(), SandboxLeftovers.gradeDirectoriesOfThisProcess(), "grade-* folders left in /tmp");
    try (Stream<Path> left = Files.list(workRoot)) {
      // Deep paths included: the folder would be listed here if anything at any depth was left.
      assertEquals(List.of(), left.toList(), "files left in the work root");
    }
    try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      List<Path> created = tmp.filter(p -> p.getFileName().toString().startsWith("grader-attack-"))
          .filter(p -> !plantedSecrets.contains(p)).toList();
      assertEquals(List.of(), created, "files the attack left in /tmp");
    }
  }

  /**
   * An exercise whose files are the solutions' gets their marks: full marks, in every sandbox and
   * every time (GraderIT and FixtureVerdictsIT hold the solutions to that, so no baseline grading
   * is needed here to know what the solutions earn).
   */
  private static void assertKeepsSolutionsMarks(ExerciseResult result, String what) {
    assertEquals(0, result.maxScore().compareTo(result.score()),
        () -> what + " keeps the solutions' full marks:\n" + describe(result));
  }

  private Path overlaySolutions(AttackExpectation attack) throws IOException {
    Fixture fixture = FixtureLibrary.named(FixtureKind.ATTACK, attack.name()).orElseThrow();
    return FixtureLibrary.submission(fixture, root.resolve("submissions").resolve(attack.name() + "-" + UUID.randomUUID()));
  }

  private static Path copySolutions(Path into) throws IOException {
    return FixtureLibrary.copySolutions(into);
  }

  /** The solutions plus links to the secret (a file and a directory) where sources are expected. */
  private Path symlinkFolder() throws IOException {
    Path submission = copySolutions(root.resolve("submissions").resolve("symlinks-" + UUID.randomUUID()));
    Path threads = submission.resolve("src/main/java/exercises/threads");
    Files.createSymbolicLink(threads.resolve("Stolen.java"), plantedSecrets.get(0));
    Files.createSymbolicLink(threads.resolve("linked"), plantedSecrets.get(0).getParent());
    Files.createSymbolicLink(submission.resolve("REPORT.md.lnk"), plantedSecrets.get(1));
    return submission;
  }

  /** A zip of the solutions plus entries that try to leave the destination or link out of it. */
  private Path slipZip() throws IOException {
    Path solutions = copySolutions(root.resolve("zip-source-" + UUID.randomUUID()));
    Path zip = root.resolve("submissions").resolve("zip-slip-" + UUID.randomUUID() + ".zip");
    Files.createDirectories(zip.getParent());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> links = List.of("src/main/java/exercises/threads/Stolen.java");
    try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(solutions)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new ZipEntry(solutions.relativize(file).toString()));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
      // Deep enough to reach "/" from any destination, then down into the test's root.
      String toRoot = "../".repeat(40) + root.toString().substring(1) + "/zip-slip.txt";
      for (String[] entry : new String[][] {{"../../../../zip-slip.txt", "x"}, {toRoot, "x"},
          {"/tmp/grader-attack-zip-absolute.txt", "x"},
          {links.get(0), plantedSecrets.get(0).toString()}}) {
        out.putNextEntry(new ZipEntry(entry[0]));
        out.write(entry[1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    byte[] data = bytes.toByteArray();
    markLinks(data, links);
    Files.write(zip, data);
    SandboxLeftovers.deleteTree(solutions);
    return zip;
  }

  /** Sets "made by Unix" and mode {@code S_IFLNK|0777} in the central directory entries of {@code links}. */
  private static void markLinks(byte[] zip, List<String> links) {
    ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
    for (int at = 0; at + 46 < zip.length; at++) {
      if (buffer.getInt(at) != 0x02014b50) {
        continue;
      }
      int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
      String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
      if (links.contains(name)) {
        buffer.putShort(at + 4, (short) ((3 << 8) | 20));
        buffer.putInt(at + 38, 0120777 << 16);
      }
    }
  }

  private static ExerciseResult exercise(Scorecard card, String id) {
    return card.exercises().stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no exercise " + id + " in the scorecard"));
  }

  private static String messages(ExerciseResult result) {
    StringBuilder text = new StringBuilder(String.valueOf(result.message()));
    for (TestResult test : result.tests()) {
      text.append('\n').append(test.message());
    }
    return text.toString();
  }

  private static String describe(ExerciseResult result) {
    return result.id() + " " + result.score() + "/" + result.maxScore() + " " + result.status() + ": "
        + result.message() + "\n" + result.tests().stream()
            .map(t -> "  " + t.id() + " " + t.status() + " " + abbreviate(t.message()))
            .collect(Collectors.joining("\n"));
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replace('\n', ' ');
    return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
  }
}
