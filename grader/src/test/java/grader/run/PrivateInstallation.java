package grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A private copy of the built grader (grader.jar, its lib/ with lib/harness/, and the agent jar) for integration tests,
 * so a rebuild of grader/target by a concurrent build cannot change the jars under a running child.
 */
public final class PrivateInstallation {
  private PrivateInstallation() {}

  /**
   * Copies the installation named by the {@code grader.home} system property into {@code into}; the
   * suites run on this JVM's Java unless {@code grader.it.java} names another.
   */
  public static GraderInstallation copy(Path into) throws IOException {
    Path home = Path.of(System.getProperty("grader.home", "target"));
    Files.createDirectories(into.resolve(GraderInstallation.LIB));
    for (String file : new String[] {GraderInstallation.GRADER_JAR, GraderInstallation.AGENT_JAR}) {
      Files.copy(home.resolve(file), into.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    for (Path lib : new Path[] {Path.of(GraderInstallation.LIB), Path.of(GraderInstallation.LIB, GraderInstallation.HARNESS)}) {
      Files.createDirectories(into.resolve(lib));
      try (Stream<Path> jars = Files.list(home.resolve(lib))) {
        for (Path jar : jars.filter(Files::isRegularFile).toList()) {
          Files.copy(jar, into.resolve(lib).resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    GraderInstallation installation = GraderInstallation.at(into);
    // -Dgrader.it.java=<java home> runs the suites on another Java (e.g. Temurin 25).
    String java = System.getProperty("grader.it.java", "");
    return java.isBlank() ? installation : installation.withJavaHome(Path.of(java));
  }

  /**
   * Copies the compiled classes of {@code type}'s package (from the test classes) into a class path
   * root under {@code into}, to serve as an extra suite root.
   */
  public static Path copySuitePackage(Class<?> type, Path into) {
    try {
      Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      String folder = type.getPackageName().replace('.', '/');
      Path target = into.resolve(folder);
      Files.createDirectories(target);
      try (Stream<Path> classes = Files.list(root.resolve(folder))) {
        for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
          Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return into;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
