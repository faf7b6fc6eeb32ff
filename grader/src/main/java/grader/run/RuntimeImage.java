package grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A run-time image of the Java that runs the suites, linked ({@code jlink}) with only the JDK
 * modules a harness JVM may use ({@link ModuleOptions#HARNESS_JDK_MODULES}) and with a class-data
 * archive of its own, of the JDK's class list and the JDK classes {@link ImageWarmup} loads (the HTTP
 * client and TLS a download worker needs: its CPU measured 0.68 to 0.50 CPU-s). Harness JVMs and
 * every JVM the student starts ({@code java.home}) run from it: the modules a forger needs
 * ({@code jdk.unsupported}, {@code jdk.attach}, {@code jdk.management}, ...) are not in it at all,
 * so no command line, not even the student's own, can add them, and no {@code --limit-modules} is
 * needed, which would switch class-data sharing off for every JVM of the run (measured: a worker
 * JVM 145 to 65 ms of CPU, a harness JVM about 0.3 CPU-s less together with {@link CdsArchive}).
 *
 * <p>Built at first use, once per installation and Java, next to grader.jar under {@code cds/}
 * (a few seconds): linked and archived in a temporary folder, then moved into place in one step, so
 * another grader never sees half an image. Optional: without {@code jlink} (a JRE) or a writable
 * {@code cds/} folder the JVMs run on the Java itself with {@code --limit-modules}, as before.
 */
public final class RuntimeImage {
  private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(180);
  /** Raised when what an image holds or how it is built changes, so an old image is never used. */
  private static final String LAYOUT = "runtime-image 2";

  private final GraderInstallation installation;

  /** @param installation the installation, with the Java (a full JDK) the image is linked from */
  RuntimeImage(GraderInstallation installation) {
    this.installation = installation;
  }

  /** Where the image of this installation and Java lives (whether or not it exists). */
  Path location() {
    return installation.graderJar().resolveSibling("cds").resolve("runtime-" + fingerprint());
  }

  /** The image, if it has been built. */
  Optional<Path> existing() {
    Path image = location();
    return isComplete(image) ? Optional.of(image) : Optional.empty();
  }

  /** The installation with its suites run on the image, if there is one, else as it is. */
  GraderInstallation installationOnImage() {
    return existing().map(installation::withJavaHome).orElse(installation);
  }

  /**
   * Builds the image unless it exists, it failed before, the Java has no {@code jlink}, or the
   * folder cannot be written. Never throws: the image only makes JVMs start faster.
   *
   * @return the image, if there is one now
   */
  Optional<Path> ensure() {
    Path jlink = installation.javaHome().resolve("bin").resolve("jlink");
    if (!isComplete(location()) && !Files.isExecutable(jlink)) {
      return Optional.empty();
    }
    return BuildTool.ensure(location(), RuntimeImage::isComplete, "building the run-time image failed",
        image -> build(jlink, image));
  }

  private boolean build(Path jlink, Path image) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(image.getParent(), "link-");
    try {
      Path partial = work.resolve("image");
      // Debug attributes stay: the student's stack traces keep the JDK's line numbers.
      if (!BuildTool.run(work, List.of(jlink.toString(), "--add-modules", String.join(",", ModuleOptions.HARNESS_JDK_MODULES),
          "--no-header-files", "--no-man-pages", "--output", partial.toString()), BUILD_TIMEOUT, null)) {
        return false;
      }
      // The image's own default archive (JDK 17's jlink makes none): its JDK classes then map in every JVM.
      Path java = partial.resolve("bin").resolve("java");
      List<String> dump = new ArrayList<>(List.of(java.toString(), "-Xshare:dump"));
      classList(java, partial, work).ifPresent(list -> dump.add("-XX:SharedClassListFile=" + list));
      if (!BuildTool.run(work, dump, BUILD_TIMEOUT, null) || !isComplete(partial) || !holdsOnlyAllowedModules(partial)) {
        return false;
      }
      try {
        Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another grader was faster: its image is as good as ours.
        return isComplete(image);
      }
      return true;
    } finally {
      WorkDirectory.delete(work);
    }
  }

  /**
   * The JDK's class list with the JDK classes {@link ImageWarmup} loads on the image added, if the
   * warm-up ran; without it the archive holds the JDK's list alone, as before.
   */
  private Optional<Path> classList(Path java, Path image, Path work) throws IOException, InterruptedException {
    Path loaded = work.resolve("warmup.classlist");
    if (!BuildTool.run(work, List.of(java.toString(), "-XX:DumpLoadedClassList=" + loaded,
        "-Djava.io.tmpdir=" + work, "-cp", installation.graderJar().toString(), ImageWarmup.class.getName()),
        BUILD_TIMEOUT, null) || !Files.isRegularFile(loaded)) {
      return Optional.empty();
    }
    Path jdkList = image.resolve("lib").resolve("classlist");
    Set<String> lines = new LinkedHashSet<>(Files.isRegularFile(jdkList) ? Files.readAllLines(jdkList) : List.of());
    Files.readAllLines(loaded).stream().filter(ImageWarmup::isJdkLine).forEach(lines::add);
    return Optional.of(Files.write(work.resolve("image.classlist"), lines));
  }

  private static boolean isComplete(Path image) {
    return Files.isExecutable(image.resolve("bin").resolve("java"))
        && Files.isRegularFile(image.resolve("lib").resolve("server").resolve("classes.jsa"));
  }

  /**
   * Whether the Java in {@code javaHome} holds no JDK module beyond what a harness JVM may use (its
   * {@code release} file's {@code MODULES}, which {@code jlink} writes from what it linked): then its
   * JVMs need no {@code --limit-modules}.
   */
  static boolean holdsOnlyAllowedModules(Path javaHome) {
    Optional<List<String>> modules = modules(javaHome);
    return modules.isPresent() && !modules.get().isEmpty()
        && Set.copyOf(ModuleOptions.HARNESS_JDK_MODULES).containsAll(modules.get());
  }

  /** The modules a Java installation's {@code release} file names, if it names them. */
  static Optional<List<String>> modules(Path javaHome) {
    try {
      for (String line : Files.readAllLines(javaHome.resolve("release"), StandardCharsets.UTF_8)) {
        if (line.startsWith("MODULES=")) {
          String names = line.substring("MODULES=".length()).replace("\"", "").trim();
          return Optional.of(names.isEmpty() ? List.of() : Arrays.asList(names.split("\\s+")));
        }
      }
    } catch (IOException e) {
      // No release file: not an image of ours.
    }
    return Optional.empty();
  }

  /** The Java installation, its release and the module list, hashed: another Java makes another image. */
  String fingerprint() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
    }
    List<String> parts = new ArrayList<>();
    parts.add(LAYOUT);
    parts.add(installation.javaHome().toString());
    parts.add(String.join(",", ModuleOptions.HARNESS_JDK_MODULES));
    try {
      parts.add(Files.readString(installation.javaHome().resolve("release")));
      parts.add(Long.toString(Files.getLastModifiedTime(installation.javaHome().resolve("lib").resolve("modules"))
          .toMillis()));
    } catch (IOException e) {
      parts.add("no release file");
    }
    byte[] hash = digest.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 8);
  }
}
