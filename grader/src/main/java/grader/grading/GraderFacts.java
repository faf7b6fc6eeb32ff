package grader.grading;

import grader.rubric.Rubric;
import grader.run.GraderInstallation;
import grader.run.RunPolicy;
import grader.sandbox.ResourceLimits;
import grader.scorecard.GraderInfo;
import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What graded a submission, for the scorecard's {@code grader} block: the grader's version, the Java
 * that runs the suites, a hash that changes whenever the suites or the rubric do, and the limits.
 */
final class GraderFacts {
  private GraderFacts() {}

  static GraderInfo of(GraderInstallation installation, Rubric rubric, ResourceLimits limits,
      Map<String, ResourceLimits> exerciseLimits, RunPolicy policy) throws IOException {
    Map<String, String> map = limits(limits, policy);
    // Per-exercise limits only where they differ, as "<exercise>.<key>".
    new TreeMap<>(exerciseLimits).forEach((exercise, own) -> limits(own, policy).forEach((key, value) -> {
      if (!value.equals(map.get(key))) {
        map.put(exercise + "." + key, value);
      }
    }));
    return new GraderInfo(version(installation.graderJar()), javaVersion(installation.javaHome()),
        suiteHash(installation, rubric), map);
  }

  static String version(Path graderJar) {
    try (JarFile jar = new JarFile(graderJar.toFile())) {
      Manifest manifest = jar.getManifest();
      String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
      return version == null || version.isBlank() ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }

  /** The version of the Java in {@code javaHome}: this JVM's if it is the same, else from its release file. */
  static String javaVersion(Path javaHome) {
    Path own = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    if (own.equals(javaHome.toAbsolutePath().normalize())) {
      return System.getProperty("java.version");
    }
    Properties release = new Properties();
    try (InputStream in = Files.newInputStream(javaHome.resolve("release"))) {
      release.load(in);
      String version = release.getProperty("JAVA_VERSION", "unknown");
      return version.replace("\"", "");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * SHA-256 over grader.jar, the harness jar (the harness and the suites), the hidden suites' jar when
   * the rubric has a hidden test (otherwise nothing in it can be graded, and the instructor's grader
   * and the student bundle, which lacks that jar, are the same suites) and the rubric as loaded.
   */
  static String suiteHash(GraderInstallation installation, Rubric rubric) throws IOException {
    MessageDigest digest = sha256();
    List<Path> jars = new java.util.ArrayList<>(List.of(installation.graderJar(), installation.harnessJar()));
    boolean hidden = rubric.exercises().stream().anyMatch(e -> e.tests().stream().anyMatch(t -> t.hidden()));
    if (hidden) {
      installation.hiddenSuitesJar().ifPresent(jars::add);
    }
    for (Path jar : jars) {
      try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    digest.update(ScorecardJson.mapper().writeValueAsBytes(rubric));
    return HexFormat.of().formatHex(digest.digest());
  }

  static Map<String, String> limits(ResourceLimits limits, RunPolicy policy) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("heap_mb", Integer.toString(limits.heapMegabytes()));
    map.put("metaspace_mb", Integer.toString(limits.metaspaceMegabytes()));
    map.put("memory_mb", Integer.toString(limits.memoryMegabytes()));
    map.put("max_tasks", Integer.toString(limits.maxTasks()));
    map.put("max_open_files", Integer.toString(limits.maxOpenFiles()));
    map.put("max_file_mb", Integer.toString(limits.maxFileMegabytes()));
    map.put("tmp_mb", Integer.toString(limits.tmpMegabytes()));
    map.put("max_output_bytes", Long.toString(limits.maxOutputBytes()));
    map.put("active_processors", Integer.toString(limits.activeProcessors()));
    map.put("wall_clock_s", Long.toString(limits.wallClock().toSeconds()));
    map.put("test_timeout_s", Long.toString(policy.defaultTestTimeout().toSeconds()));
    map.put("max_restarts", Integer.toString(policy.maxRestarts()));
    map.put("time_factor", Double.toString(policy.timeFactor()));
    return map;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
    }
  }
}
