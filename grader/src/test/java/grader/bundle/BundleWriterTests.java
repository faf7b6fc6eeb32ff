package grader.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student bundle from a made-up installation: what it takes, what it leaves out, and its bytes. */
class BundleWriterTests {
  private static final String RUBRIC = "{\"exercise\": \"threads\", \"title\": \"T\", \"suite\": \"grader.suites.threads\","
      + " \"classes\": [], \"tests\": [{\"id\": \"a\", \"points\": 20}, {\"id\": \"b\", \"points\": 5, \"visibility\": \"hidden\"}]}";

  @TempDir Path temp;

  private Path installation(String classPath) throws IOException {
    return installation(classPath, RUBRIC);
  }

  private Path installation(String classPath, String rubric) throws IOException {
    Path home = Files.createDirectories(temp.resolve("home"));
    Files.createDirectories(home.resolve("lib/nested"));
    Files.createDirectories(home.resolve("lib/harness"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    try (OutputStream file = Files.newOutputStream(home.resolve("grader.jar"));
        JarOutputStream jar = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, String> e : Map.of("grader/rubric/index.json", "[\"threads\"]",
          "grader/rubric/threads.json", rubric).entrySet()) {
        jar.putNextEntry(new ZipEntry(e.getKey()));
        jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    jar(home.resolve("lib/harness/grader-harness.jar"), "module-info.class", "grader/suites/threads/Suite.class");
    jar(home.resolve("lib/harness/grader-harness-hidden.jar"), "module-info.class",
        "grader/suites/threads/hidden/HiddenSuite.class");
    Files.writeString(home.resolve("grader-agent.jar"), "agent");
    Files.writeString(home.resolve("grader-sources.jar"), "not shipped");
    Files.writeString(home.resolve("lib/one.jar"), "one");
    Files.writeString(home.resolve("lib/nested/two.jar"), "two");
    Files.createDirectories(home.resolve("classes"));
    Files.writeString(home.resolve("classes/Stray.class"), "not shipped");
    return home;
  }

  private static void jar(Path file, String... entries) throws IOException {
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
      for (String entry : entries) {
        jar.putNextEntry(new ZipEntry(entry));
        jar.write(entry.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
  }

  @Test
  void takesEveryJarOfTheInstallationButTheHiddenSuitesAndHoldsTheirPointsBack() throws Exception {
    Path readme = Files.writeString(temp.resolve("README.md"), "# bundle\n");
    Path home = installation("lib/one.jar lib/nested/two.jar");
    BundleResult result = new BundleWriter().write(new BundleRequest(home, temp.resolve("dist"), "1.2.3", List.of(readme)));

    assertEquals(temp.resolve("dist/concurrency-grader-1.2.3.zip"), result.zip());
    assertEquals(List.of("README.md", "grader-agent.jar", "grader.jar", "lib/harness/grader-harness.jar",
        "lib/nested/two.jar", "lib/one.jar"), result.entries());
    assertEquals(Map.of("threads", new BigDecimal("5")), result.heldBackPoints());
    assertEquals(result.sha256() + "  concurrency-grader-1.2.3.zip\n", Files.readString(result.sha256File()));

    Path graderJar = temp.resolve("grader.jar");
    try (ZipFile zip = new ZipFile(result.zip().toFile())) {
      Files.copy(zip.getInputStream(zip.getEntry("grader.jar")), graderJar);
      assertArrayEquals(Files.readAllBytes(home.resolve("lib/harness/grader-harness.jar")),
          zip.getInputStream(zip.getEntry("lib/harness/grader-harness.jar")).readAllBytes(),
          "the harness module ships unchanged (its descriptor must match its packages)");
      List<String> dirs = new ArrayList<>();
      java.util.Set<java.time.LocalDateTime> times = new java.util.HashSet<>();
      zip.stream().forEach(e -> {
        times.add(e.getTimeLocal());
        if (e.isDirectory()) {
          dirs.add(e.getName());
        }
      });
      assertEquals(List.of("lib/", "lib/harness/", "lib/nested/"), dirs);
      assertEquals(1, times.size(), "one fixed time stamp for every entry: " + times);
    }
    try (ZipFile jar = new ZipFile(graderJar.toFile())) {
      String rubric = new String(jar.getInputStream(jar.getEntry("grader/rubric/threads.json")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertTrue(rubric.contains("\"held_back_points\" : 5"), rubric);
      assertFalse(rubric.contains("\"b\""), rubric);
      assertTrue(jar.getEntry("META-INF/MANIFEST.MF") != null, "the manifest stays");
    }
  }

  @Test
  void theHiddenSuiteClassesLeaveTheRubricsPartsWithTheirTests() throws Exception {
    assertEquals(null, studentRubric("[[\"Suite\"], [\"hidden.HiddenSuite\"]]").get("parts"),
        "one group left is the whole suite in one JVM");
    assertEquals("[[\"Suite\"],[\"More\"]]",
        studentRubric("[[\"Suite\", \"hidden.HiddenSuite\"], [\"More\"]]").get("parts").toString());
    assertEquals("[[\"Suite\"],[\"More\"]]",
        studentRubric("[[\"Suite\"], [\"hidden.HiddenSuite\"], [\"More\"]]").get("parts").toString());
  }

  private com.fasterxml.jackson.databind.JsonNode studentRubric(String parts) throws Exception {
    Path home = installation("", RUBRIC.replace("\"tests\"", "\"parts\": " + parts + ", \"tests\""));
    BundleResult result = new BundleWriter().write(new BundleRequest(home, temp.resolve("dist"), "1.2.3", List.of()));
    Path graderJar = temp.resolve("student-grader.jar");
    try (ZipFile zip = new ZipFile(result.zip().toFile())) {
      Files.copy(zip.getInputStream(zip.getEntry("grader.jar")), graderJar,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (ZipFile jar = new ZipFile(graderJar.toFile())) {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(jar.getInputStream(jar.getEntry("grader/rubric/threads.json")));
    } finally {
      Files.walk(temp.resolve("home")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      Files.walk(temp.resolve("dist")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void hiddenCodeOutsideTheHiddenSuitesModuleIsRefusedBecauseItWouldShip() throws Exception {
    Path home = installation("lib/one.jar");
    jar(home.resolve("lib/harness/grader-harness.jar"), "module-info.class", "grader/suites/threads/Suite.class",
        "grader/suites/threads/hidden/Leak.class");
    IOException e = assertThrows(IOException.class,
        () -> new BundleWriter().write(new BundleRequest(home, temp.resolve("dist"), "1", List.of())));
    assertEquals("lib/harness/grader-harness.jar holds grader/suites/threads/hidden/Leak.class, code of a hidden "
        + "package, which would ship to students: hidden suites belong in the module harness-hidden/ "
        + "(lib/harness/grader-harness-hidden.jar), which the student bundle leaves out", e.getMessage());
    assertFalse(Files.exists(temp.resolve("dist/concurrency-grader-1.zip")), "no bundle is written");
  }

  @Test
  void publicCodeInTheHiddenSuitesModuleIsRefusedBecauseStudentsWouldLackIt() throws Exception {
    Path home = installation("lib/one.jar");
    jar(home.resolve("lib/harness/grader-harness-hidden.jar"), "module-info.class",
        "grader/suites/threads/hidden/HiddenSuite.class", "grader/suites/threads/more/Helper.class");
    IOException e = assertThrows(IOException.class,
        () -> new BundleWriter().write(new BundleRequest(home, temp.resolve("dist"), "1", List.of())));
    assertTrue(e.getMessage().startsWith("lib/harness/grader-harness-hidden.jar holds "
        + "grader/suites/threads/more/Helper.class, which is in no exercise's hidden package "
        + "(grader/suites/threads/hidden/)"), e.getMessage());
  }

  @Test
  void aHiddenTestIsHeldBackByTheRubricEvenWhereTheInstallationLacksItsModule() throws Exception {
    Path home = installation("lib/one.jar");
    Files.delete(home.resolve("lib/harness/grader-harness-hidden.jar"));
    BundleResult result = new BundleWriter().write(new BundleRequest(home, temp.resolve("dist"), "1", List.of()));
    assertEquals(Map.of("threads", new BigDecimal("5")), result.heldBackPoints());
    assertFalse(result.entries().contains("lib/harness/grader-harness-hidden.jar"));
  }

  @Test
  void twoBundlesOfTheSameInstallationAreTheSameBytesWhateverTheFileTimes() throws Exception {
    Path home = installation("lib/one.jar");
    byte[] first = Files.readAllBytes(new BundleWriter().write(new BundleRequest(home, temp.resolve("a"), "1", List.of())).zip());
    Files.setLastModifiedTime(home.resolve("lib/one.jar"), FileTime.fromMillis(0));
    byte[] second = Files.readAllBytes(new BundleWriter().write(new BundleRequest(home, temp.resolve("b"), "1", List.of())).zip());
    assertArrayEquals(first, second);
  }

  @Test
  void aJarOnTheClassPathThatIsNotThereIsAnError() throws Exception {
    Path home = installation("lib/one.jar lib/protocol.jar");
    IOException e = assertThrows(IOException.class,
        () -> new BundleWriter().write(new BundleRequest(home, temp.resolve("dist"), "1", List.of())));
    assertEquals("grader.jar needs lib/protocol.jar on its class path, but the installation has no such file: "
        + "rebuild the grader (make build)", e.getMessage());
  }

  @Test
  void anInstallationWithoutGraderJarIsAnError() {
    IOException e = assertThrows(IOException.class,
        () -> new BundleWriter().write(new BundleRequest(temp, temp.resolve("dist"), "1", List.of())));
    assertTrue(e.getMessage().endsWith("holds no grader.jar: build the grader first (make build)"), e.getMessage());
  }
}
