package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grader.scorecard.ScorecardJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hidden tests end to end, as a course uses them: an instructor's installation whose hidden suites'
 * module ({@code lib/harness/grader-harness-hidden.jar}, compiled here from {@code
 * src/test/hidden-suites/} against the built harness, as {@code harness-hidden/} is) holds one hidden
 * test of the threads exercise, and whose rubric gives it points. The instructor's grader runs it
 * against the student's code from the module path; the bundle {@code dist} writes from that
 * installation holds neither the module nor the rubric entry, and the grader unpacked from it grades
 * the rest, says how many points it held back and writes a scorecard that {@code verify} accepts; the
 * instructor's rubric without the module is a clear error, not a silent zero.
 */
@Tag("slow") // about 50 s (builds a bundle, grades three times): make test-fast leaves it out; make test (CI) runs it
class HiddenTestsIT {
  private static final Path REPO = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
  private static final String HIDDEN_TEST = "threeThreadsOfNoSleepPrintThreeLines";
  private static final String HIDDEN_JAR = "lib/harness/" + GraderInstallation.HIDDEN_SUITES_JAR;

  @TempDir static Path shared;
  @TempDir Path temp;
  private static Path instructor;
  private static Path student;
  private static String bundleSha256;
  private static List<String> bundleEntries;

  @BeforeAll
  static void buildTheInstructorsInstallationAndItsBundle() throws Exception {
    instructor = shared.resolve("instructor");
    PrivateInstallation.copy(instructor);
    compileHiddenSuites(instructor);
    addHiddenTestToRubric(instructor.resolve(GraderInstallation.GRADER_JAR));

    Path dist = shared.resolve("dist");
    Run pack = grader(instructor, "dist", "--out", dist.toString());
    assertEquals(0, pack.status(), pack.output());
    assertTrue(pack.output().contains("held back: threads 2 points"), pack.output());
    Path zip;
    try (Stream<Path> files = Files.list(dist)) {
      zip = files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
    }
    bundleSha256 = Files.readString(dist.resolve(zip.getFileName() + ".sha256")).split(" ")[0];
    student = shared.resolve("student");
    bundleEntries = unzip(zip, student);
  }

  @Test
  void theInstructorsGraderRunsTheHiddenTestFromItsModuleAndHoldsNothingBack() throws Exception {
    JsonNode threads = gradeThreads(instructor, REPO.resolve("solutions"), temp.resolve("instructor.json"));
    assertEquals("passed", test(threads, HIDDEN_TEST).get("status").asText(), threads.toPrettyString());
    assertEquals("three threads that sleep 0 ms print three lines", test(threads, HIDDEN_TEST).get("name").asText());
    assertEquals(2, test(threads, HIDDEN_TEST).get("score").asInt());
    assertEquals(27, threads.get("score").asInt(), "the public 25 and the hidden 2");
    assertEquals(27, threads.get("max_score").asInt());
    assertTrue(threads.path("held_back_points").isMissingNode() || threads.path("held_back_points").isNull(),
        threads.toPrettyString());
  }

  @Test
  void theHiddenTestJudgesTheStudentsCodeAndFailsTheSkeleton() throws Exception {
    JsonNode threads = gradeThreads(instructor, REPO.resolve("exercises"), temp.resolve("skeleton.json"));
    JsonNode hidden = test(threads, HIDDEN_TEST);
    assertTrue(List.of("failed", "error").contains(hidden.get("status").asText()), hidden.toPrettyString());
    assertEquals(0, hidden.get("score").asInt());
  }

  @Test
  void theBundleHoldsNeitherTheHiddenModuleNorTheHiddenTestAndItsGraderSaysWhatItHoldsBack() throws Exception {
    assertFalse(bundleEntries.contains(HIDDEN_JAR), "the hidden suites' module ships: " + bundleEntries);
    assertTrue(bundleEntries.contains("lib/harness/" + GraderInstallation.HARNESS_JAR), bundleEntries.toString());
    assertFalse(Files.exists(student.resolve(HIDDEN_JAR)));
    try (ZipFile graderJar = new ZipFile(student.resolve(GraderInstallation.GRADER_JAR).toFile())) {
      String rubric = new String(graderJar.getInputStream(graderJar.getEntry("grader/rubric/threads.json")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertFalse(rubric.contains(HIDDEN_TEST), "the hidden test's id is still in the student's rubric:\n" + rubric);
      assertTrue(rubric.contains("\"held_back_points\" : 2"), rubric);
    }
    for (String entry : bundleEntries) {
      if (entry.endsWith(".jar")) {
        try (ZipFile jar = new ZipFile(student.resolve(entry).toFile())) {
          assertFalse(jar.stream().anyMatch(e -> e.getName().contains("/hidden/")), entry + " holds hidden code");
        }
      }
    }

    Path card = temp.resolve("student.json");
    JsonNode threads = gradeThreads(student, REPO.resolve("solutions"), card, "--bundle-sha256", bundleSha256);
    List<String> ids = new ArrayList<>();
    threads.get("tests").forEach(t -> ids.add(t.get("id").asText()));
    assertFalse(ids.contains(HIDDEN_TEST), ids.toString());
    assertEquals(10, ids.size(), "every public test of threads ran: " + ids);
    assertEquals(25, threads.get("score").asInt(), threads.toPrettyString());
    assertEquals(25, threads.get("max_score").asInt(), "the maximum counts only what was graded");
    assertEquals(2, threads.get("held_back_points").asInt());
    assertEquals(2, ScorecardJson.mapper().readTree(card.toFile()).get("held_back_points").asInt());

    Run verify = grader(student, "verify", card.toString(), "--bundle-sha256", bundleSha256, "--submission",
        REPO.resolve("solutions").toString());
    assertEquals(0, verify.status(), verify.output());
  }

  @Test
  void theInstructorsRubricWithoutTheHiddenModuleIsAnErrorThatSaysWhy() throws Exception {
    Path broken = temp.resolve("no-hidden-module");
    copyTree(instructor, broken);
    Files.delete(broken.resolve(HIDDEN_JAR));
    Run grade = grader(broken, "grade", REPO.resolve("solutions").toString(), "--exercise", "threads", "--out",
        temp.resolve("broken.json").toString());
    assertEquals(1, grade.status(), grade.output());
    assertTrue(grade.output().contains("gives points to test '" + HIDDEN_TEST + "', but suite grader.suites.threads "
        + "has no such test method (it is hidden: its class belongs in package grader.suites.threads.hidden"),
        grade.output());
    assertFalse(Files.exists(temp.resolve("broken.json")), "no scorecard for a grader that cannot grade");
  }

  private static JsonNode gradeThreads(Path installation, Path submission, Path card, String... more)
      throws Exception {
    List<String> arguments = new ArrayList<>(List.of("grade", submission.toString(), "--exercise", "threads", "--out",
        card.toString()));
    arguments.addAll(List.of(more));
    Run grade = grader(installation, arguments.toArray(String[]::new));
    assertEquals(0, grade.status(), grade.output());
    JsonNode scorecard = ScorecardJson.mapper().readTree(card.toFile());
    JsonNode threads = scorecard.get("exercises").get(0);
    assertEquals("threads", threads.get("id").asText());
    assertEquals("graded", threads.get("status").asText(), threads.toPrettyString());
    return threads;
  }

  private static JsonNode test(JsonNode exercise, String id) {
    for (JsonNode test : exercise.get("tests")) {
      if (test.get("id").asText().equals(id)) {
        return test;
      }
    }
    throw new AssertionError("no test " + id + " in " + exercise.toPrettyString());
  }

  /** Compiles src/test/hidden-suites/ against the installation's harness and the reference classes, as Maven builds harness-hidden/. */
  private static void compileHiddenSuites(Path installation) throws IOException {
    Path sources = REPO.resolve("grader/src/test/hidden-suites");
    Path classes = Files.createDirectories(shared.resolve("hidden-classes"));
    String modulePath;
    try (Stream<Path> jars = Files.list(installation.resolve("lib/harness"))) {
      modulePath = jars.filter(j -> j.toString().endsWith(".jar") && !j.toString().endsWith(HIDDEN_JAR))
          .map(Path::toString).sorted().collect(Collectors.joining(java.io.File.pathSeparator));
    }
    JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(sources)) {
      List<Path> javaFiles = walk.filter(p -> p.toString().endsWith(".java")).toList();
      boolean ok = javac.getTask(errors, files, null, List.of("--release", "17", "-d", classes.toString(),
          "--module-path", modulePath, "-cp", REPO.resolve("solutions/target/classes").toString(),
          "--add-reads", "grader.harness.hidden=ALL-UNNAMED", "-Xlint:-module"), null,
          files.getJavaFileObjectsFromPaths(javaFiles)).call();
      assertTrue(ok, "the hidden suites did not compile:\n" + errors);
    }
    Path jar = installation.resolve(HIDDEN_JAR);
    Files.deleteIfExists(jar);
    StringWriter out = new StringWriter();
    int status = ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
        "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
    assertEquals(0, status, out.toString());
  }

  /** Gives the hidden test 2 points in the installation's threads rubric, inside its grader.jar. */
  private static void addHiddenTestToRubric(Path graderJar) throws IOException {
    String name = "grader/rubric/threads.json";
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(graderJar))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    ObjectNode rubric = (ObjectNode) ScorecardJson.mapper().readTree(entries.get(name));
    ObjectNode hidden = ((ArrayNode) rubric.get("tests")).addObject();
    hidden.put("id", HIDDEN_TEST).put("points", 2).put("visibility", "hidden");
    entries.put(name, ScorecardJson.mapper().writeValueAsBytes(rubric));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    Files.write(graderJar, bytes.toByteArray());
  }

  private static List<String> unzip(Path zip, Path into) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(file.entries())) {
        Path target = into.resolve(e.getName()).normalize();
        assertTrue(target.startsWith(into), e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          names.add(e.getName());
          Files.createDirectories(target.getParent());
          try (InputStream in = file.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
    return names;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  record Run(int status, String output) {}

  /** Runs {@code java -jar <installation>/grader.jar arguments...}, standard output and error together. */
  private static Run grader(Path installation, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", installation.resolve(GraderInstallation.GRADER_JAR).toString()));
    command.addAll(List.of(arguments));
    Path log = Files.createTempFile(shared, "run", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("NO_COLOR", "1");
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 10 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Run(process.exitValue(), output);
  }
}
