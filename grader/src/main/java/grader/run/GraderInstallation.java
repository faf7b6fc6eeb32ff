package grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the grader's own files are: {@code grader.jar} (the trusted side), its {@code lib/} jars,
 * {@code lib/harness/} (the harness JVM's module path: the harness and suites, the protocol and
 * their libraries, and in the instructor's installation the hidden suites), the launch-gate agent jar, and the Java installation that runs the suites.
 * Everything the child JVM loads besides the student's classes comes from here.
 *
 * @param extraSuitePath more class path roots holding graded suites (tests use their own suites)
 */
public record GraderInstallation(Path graderJar, Path libDirectory, Path agentJar, Path javaHome, List<Path> extraSuitePath) {
  public static final String GRADER_JAR = "grader.jar";
  public static final String AGENT_JAR = "grader-agent.jar";
  public static final String LIB = "lib";
  public static final String HARNESS = "harness";
  public static final String HARNESS_JAR = "grader-harness.jar";
  /**
   * The module of the instructor's hidden suites, beside the harness in {@code lib/harness/}; the
   * student bundle leaves it out, so only the instructor's installation has it.
   */
  public static final String HIDDEN_SUITES_JAR = "grader-harness-hidden.jar";

  public GraderInstallation {
    Objects.requireNonNull(graderJar, "graderJar must not be null");
    Objects.requireNonNull(libDirectory, "libDirectory must not be null");
    Objects.requireNonNull(agentJar, "agentJar must not be null");
    Objects.requireNonNull(javaHome, "javaHome must not be null");
    graderJar = graderJar.toAbsolutePath().normalize();
    libDirectory = libDirectory.toAbsolutePath().normalize();
    agentJar = agentJar.toAbsolutePath().normalize();
    javaHome = javaHome.toAbsolutePath().normalize();
    extraSuitePath = extraSuitePath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  /** The installation this code runs from: the directory of the jar that holds this class. */
  public static GraderInstallation fromRunningJar() {
    CodeSource source = GraderInstallation.class.getProtectionDomain().getCodeSource();
    Path location;
    try {
      location = source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the grader's jar from " + source.getLocation(), e);
    }
    if (location == null || !Files.isRegularFile(location)) {
      throw new IllegalStateException("the grader is not running from " + GRADER_JAR + " (running from " + location
          + "): build it with 'make build', or use GraderInstallation.at(<dir with grader.jar>)");
    }
    return at(location.getParent());
  }

  /** The installation in {@code directory} (grader/target after {@code mvn package}), run by this JVM's Java. */
  public static GraderInstallation at(Path directory) {
    GraderInstallation installation = new GraderInstallation(directory.resolve(GRADER_JAR), directory.resolve(LIB),
        directory.resolve(AGENT_JAR), Path.of(System.getProperty("java.home")), List.of());
    installation.check();
    return installation;
  }

  /** The same installation, with the suites run by the Java in {@code otherJavaHome}. */
  public GraderInstallation withJavaHome(Path otherJavaHome) {
    return new GraderInstallation(graderJar, libDirectory, agentJar, otherJavaHome, extraSuitePath);
  }

  /** The same installation with one more class path root holding graded suites. */
  public GraderInstallation withSuitePath(Path root) {
    List<Path> roots = new ArrayList<>(extraSuitePath);
    roots.add(root);
    return new GraderInstallation(graderJar, libDirectory, agentJar, javaHome, roots);
  }

  public Path javaLauncher() {
    return javaHome.resolve("bin").resolve("java");
  }

  /**
   * The roots the harness may take suite classes from, never the student's: the harness, the hidden
   * suites where this installation has them (the instructor's), and a test installation's roots.
   */
  public List<Path> suitePath() {
    List<Path> roots = new ArrayList<>();
    roots.add(harnessJar());
    hiddenSuitesJar().ifPresent(roots::add);
    roots.addAll(extraSuitePath);
    return roots;
  }

  /** The hidden suites' module jar, present in the instructor's installation and absent from a student bundle. */
  public Optional<Path> hiddenSuitesJar() {
    Path jar = harnessDirectory().resolve(HIDDEN_SUITES_JAR);
    return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }

  /** The folder of the harness JVM's module path. */
  public Path harnessDirectory() {
    return libDirectory.resolve(HARNESS);
  }

  public Path harnessJar() {
    return harnessDirectory().resolve(HARNESS_JAR);
  }

  /** The harness JVM's module path: every jar of {@code lib/harness/}, sorted. */
  public List<Path> modulePath() {
    return jarsIn(harnessDirectory());
  }

  /** The grader's own class path, its jar and libraries: what a JVM of the grader's own (the compiler's) runs on. */
  public List<Path> classPath() {
    List<Path> entries = new ArrayList<>();
    entries.add(graderJar);
    entries.addAll(libraries());
    return entries;
  }

  /** The grader's own libraries (its class path). */
  public List<Path> libraries() {
    return jarsIn(libDirectory);
  }

  private static List<Path> jarsIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the grader's libraries in " + directory, e);
    }
  }

  /** The feature version of {@link #javaHome()} (17, 25, ...), from its {@code release} file; 0 if unknown. */
  public int javaFeatureVersion() {
    try {
      for (String line : Files.readAllLines(javaHome.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]", 2)[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Unknown: the version-gated options are left out.
    }
    return 0;
  }

  /** Fails with a message that says how to fix a missing file. */
  public void check() {
    for (Path file : List.of(graderJar, agentJar, harnessJar())) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(file + " is missing: build the grader first (make build)");
      }
    }
    if (!Files.isDirectory(libDirectory)) {
      throw new IllegalStateException(libDirectory + " is missing: build the grader first (make build)");
    }
    if (!Files.isExecutable(javaLauncher())) {
      throw new IllegalStateException("no java launcher at " + javaLauncher());
    }
  }
}
