package grader.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import grader.rubric.Visibility;
import grader.run.GraderInstallation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Packs a grader installation into the student bundle, {@code concurrency-grader-<version>.zip},
 * and writes its {@code sha256sum}-style digest beside it.
 *
 * <p>What goes in is found, not listed: every jar at the top of the installation and everything
 * under its {@code lib/} (so a grader split into more modules ships them too), then each jar named by
 * a {@code Class-Path} is checked to be present. Hidden tests are taken out on the way: their module,
 * {@code lib/harness/grader-harness-hidden.jar}, stays behind whole, and each rubric file that had
 * hidden tests loses them and gains {@code held_back_points}. No other jar is cut: the harness is a
 * JPMS module, whose descriptor names its packages, and a jar without a package its descriptor names
 * does not start. Instead the writer refuses an installation where hidden code is anywhere but in the
 * hidden suites' module, or that module holds code outside the hidden packages (which would then be
 * missing from the student's grader). Every jar except {@code grader.jar}, whose rubric changes, is
 * copied byte for byte.
 *
 * <p>Reproducible: entries are sorted, every zip entry has the same time stamp, and rewritten jars
 * keep their entry order; two bundles of the same installation are the same bytes (the jars are
 * reproducible themselves through Maven's {@code project.build.outputTimestamp}).
 */
public final class BundleWriter {
  /** DOS time stamps start in 1980; a fixed one keeps the bytes independent of when and where. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
  private static final String RUBRIC_DIR = "grader/rubric/";
  /** The hidden suites' module, which only the instructor's installation has. */
  static final String HIDDEN_SUITES = GraderInstallation.LIB + "/" + GraderInstallation.HARNESS + "/"
      + GraderInstallation.HIDDEN_SUITES_JAR;
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Writes the bundle and returns where it is and what it holds. */
  public BundleResult write(BundleRequest request) throws IOException {
    Path home = request.installation().toAbsolutePath().normalize();
    if (!Files.isRegularFile(home.resolve("grader.jar"))) {
      throw new IOException(home + " holds no grader.jar: build the grader first (make build)");
    }
    TreeMap<String, Path> files = new TreeMap<>();
    try (Stream<Path> top = Files.list(home)) {
      top.filter(BundleWriter::isRuntimeJar).forEach(p -> files.put(p.getFileName().toString(), p));
    }
    Path lib = home.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> all = Files.walk(lib)) {
        all.filter(Files::isRegularFile).forEach(p -> files.put(home.relativize(p).toString().replace('\\', '/'), p));
      }
    }
    Path hiddenSuites = files.remove(HIDDEN_SUITES);
    checkClassPaths(files);

    Rubrics rubrics = Rubrics.from(files);
    if (hiddenSuites != null) {
      rubrics.checkHiddenModule(Files.readAllBytes(hiddenSuites));
    }
    TreeMap<String, byte[]> entries = new TreeMap<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      byte[] bytes = Files.readAllBytes(file.getValue());
      entries.put(file.getKey(), file.getKey().endsWith(".jar") ? rubrics.forStudent(file.getKey(), bytes) : bytes);
    }
    for (Path document : request.documents()) {
      String name = document.getFileName().toString();
      if (entries.containsKey(name)) {
        throw new IOException("document " + document + " would replace the bundle's own " + name);
      }
      entries.put(name, Files.readAllBytes(document));
    }

    Files.createDirectories(request.outputDirectory());
    Path zip = request.outputDirectory().resolve(request.zipName());
    byte[] zipBytes = zip(entries);
    String sha256 = sha256(zipBytes);
    writeAtomically(zip, zipBytes);
    Path sha256File = request.outputDirectory().resolve(request.zipName() + ".sha256");
    writeAtomically(sha256File, (sha256 + "  " + request.zipName() + "\n").getBytes(StandardCharsets.UTF_8));
    return new BundleResult(zip, sha256File, sha256, List.copyOf(entries.keySet()), rubrics.heldBack());
  }

  private static boolean isRuntimeJar(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && name.endsWith(".jar") && !name.startsWith("original-")
        && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
  }

  /** Every jar a shipped jar's manifest puts on its class path must ship too. */
  private static void checkClassPaths(Map<String, Path> files) throws IOException {
    for (Map.Entry<String, Path> file : files.entrySet()) {
      if (!file.getKey().endsWith(".jar") || file.getKey().contains("/")) {
        continue; // lib/ jars are third-party or modules; their Class-Path is theirs
      }
      Manifest manifest = manifestOf(Files.readAllBytes(file.getValue()));
      String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null) {
        continue;
      }
      for (String entry : classPath.trim().split("\\s+")) {
        if (!entry.isEmpty() && !files.containsKey(entry)) {
          throw new IOException(file.getKey() + " needs " + entry + " on its class path, but the installation "
              + "has no such file: rebuild the grader (make build)");
        }
      }
    }
  }

  private static Manifest manifestOf(byte[] jar) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals("META-INF/MANIFEST.MF")) {
          return new Manifest(in);
        }
      }
    }
    return null;
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      List<String> directories = new ArrayList<>();
      for (String name : entries.keySet()) {
        for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
          String dir = name.substring(0, slash + 1);
          if (!directories.contains(dir)) {
            directories.add(dir);
            out.putNextEntry(entry(dir));
            out.closeEntry();
          }
        }
        out.putNextEntry(entry(name));
        out.write(entries.get(name));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(FIXED_TIME);
    return entry;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".bundle", ".tmp");
    try {
      Files.write(tmp, bytes);
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The rubric as the installation ships it, and what the student bundle keeps of it: the hidden
   * packages that must not ship, the rubric files to rewrite.
   */
  private record Rubrics(List<String> hiddenPrefixes, Map<String, byte[]> studentFiles, Map<String, BigDecimal> heldBack) {

    static Rubrics from(Map<String, Path> files) throws IOException {
      Map<String, byte[]> rubricFiles = new LinkedHashMap<>();
      for (Map.Entry<String, Path> file : files.entrySet()) {
        if (!file.getKey().endsWith(".jar")) {
          continue;
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file.getValue()))) {
          for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
            if (e.getName().startsWith(RUBRIC_DIR) && e.getName().endsWith(".json")) {
              if (rubricFiles.put(e.getName(), in.readAllBytes()) != null) {
                throw new IOException(e.getName() + " is in more than one jar of the installation");
              }
            }
          }
        }
      }
      byte[] index = rubricFiles.get(RUBRIC_DIR + "index.json");
      if (index == null) {
        throw new IOException("no jar of the installation holds " + RUBRIC_DIR + "index.json");
      }
      List<String> hiddenPrefixes = new ArrayList<>();
      Map<String, byte[]> studentFiles = new LinkedHashMap<>();
      Map<String, BigDecimal> heldBack = new TreeMap<>();
      for (JsonNode id : JSON.readTree(index)) {
        String name = RUBRIC_DIR + id.asText() + ".json";
        byte[] bytes = rubricFiles.get(name);
        if (bytes == null) {
          throw new IOException("no jar of the installation holds " + name);
        }
        ObjectNode rubric = (ObjectNode) JSON.readTree(bytes);
        hiddenPrefixes.add(Visibility.hiddenPackage(rubric.path("suite").asText()).replace('.', '/') + "/");
        ArrayNode kept = JSON.createArrayNode();
        BigDecimal held = BigDecimal.ZERO;
        for (JsonNode test : rubric.path("tests")) {
          if (Visibility.HIDDEN.label().equals(test.path("visibility").asText())) {
            held = held.add(test.path("points").decimalValue());
          } else {
            kept.add(test);
          }
        }
        boolean partsChange = withoutHiddenParts(rubric);
        if (kept.size() != rubric.path("tests").size() || partsChange) {
          rubric.set("tests", kept);
          if (held.signum() > 0) {
            rubric.put("held_back_points", held);
            heldBack.put(id.asText(), held);
          }
          studentFiles.put(name, (JSON.writeValueAsString(rubric) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      return new Rubrics(hiddenPrefixes, studentFiles, heldBack);
    }

    /**
     * Takes the hidden suite classes ({@code hidden.X}, which stay behind with their module) out of
     * the rubric's {@code parts}, and a group left empty with them; fewer than two groups left are no
     * parts at all (the whole suite in one JVM). True if the parts changed.
     */
    private static boolean withoutHiddenParts(ObjectNode rubric) {
      JsonNode parts = rubric.get("parts");
      if (parts == null || !parts.isArray()) {
        return false; // the student's grader refuses a malformed field as the instructor's does
      }
      String hidden = "hidden.";
      ArrayNode groups = JSON.createArrayNode();
      boolean changed = false;
      for (JsonNode group : parts) {
        ArrayNode names = JSON.createArrayNode();
        for (JsonNode name : group) {
          if (name.asText().startsWith(hidden)) {
            changed = true;
          } else {
            names.add(name);
          }
        }
        if (!names.isEmpty()) {
          groups.add(names);
        }
      }
      if (!changed) {
        return false;
      }
      if (groups.size() < 2) {
        rubric.remove("parts");
      } else {
        rubric.set("parts", groups);
      }
      return true;
    }

    /**
     * The jar with the student's rubric; the same bytes if it holds no rubric file that changes.
     * Refuses a jar that holds hidden code: it would ship.
     */
    byte[] forStudent(String name, byte[] jar) throws IOException {
      boolean changes = false;
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          if (isHidden(e.getName())) {
            throw new IOException(name + " holds " + e.getName() + ", code of a hidden package, which would ship "
                + "to students: hidden suites belong in the module harness-hidden/ (" + HIDDEN_SUITES
                + "), which the student bundle leaves out");
          }
          changes |= studentFiles.containsKey(e.getName());
        }
      }
      if (!changes) {
        return jar;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
          ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          out.putNextEntry(entry(e.getName()));
          byte[] replacement = studentFiles.get(e.getName());
          if (replacement != null) {
            out.write(replacement);
          } else {
            copy(in, out);
          }
          out.closeEntry();
        }
      }
      return bytes.toByteArray();
    }

    /**
     * Refuses a hidden suites' module with classes outside every exercise's hidden package: they
     * would be graded by the instructor and missing from the student's grader.
     */
    void checkHiddenModule(byte[] jar) throws IOException {
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          String name = withoutVersion(e.getName());
          if (name.endsWith(".class") && !name.equals("module-info.class") && !isHidden(name)) {
            throw new IOException(HIDDEN_SUITES + " holds " + e.getName() + ", which is in no exercise's hidden "
                + "package (" + String.join(", ", hiddenPrefixes) + "): the student bundle leaves this module out, "
                + "so move public code into the harness");
          }
        }
      }
    }

    private boolean isHidden(String entry) {
      String name = withoutVersion(entry);
      return hiddenPrefixes.stream().anyMatch(name::startsWith);
    }

    /** A multi-release jar's {@code META-INF/versions/<n>/} prefix taken off. */
    private static String withoutVersion(String entry) {
      return entry.replaceFirst("^META-INF/versions/[0-9]+/", "");
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
      in.transferTo(out);
    }
  }
}
