package grader.run;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The module-system options of the JVMs in a run. The harness JVM runs the grader's code as named
 * modules ({@code lib/harness/} on the module path) and the student's classes on the class path (the
 * unnamed module), which the grader's modules neither open nor export to. Both the harness JVM and
 * every JVM the student starts see only the JDK modules listed here ({@code --limit-modules}):
 * {@code jdk.unsupported} ({@code sun.misc.Unsafe}), {@code jdk.attach}, {@code jdk.jdi},
 * {@code jdk.management} (heap dumps, diagnostic commands), {@code java.scripting},
 * {@code java.desktop} ({@code java.beans}) and the rest of what a forger would need are not in
 * the module graph at all. On a {@link RuntimeImage} (the default) they are not in the Java at all,
 * so no {@code --limit-modules} is given and every JVM of the run maps its class-data archive; every
 * JVM the student starts may then use the image's six modules. On JDK 24 and later, native access
 * is denied to every module.
 */
final class ModuleOptions {
  static final String HARNESS_MODULE = "grader.harness";
  static final String HARNESS_MAIN = HARNESS_MODULE + "/grader.child.HarnessMain";
  /**
   * The instructor's hidden suites ({@code harness-hidden/}). Nothing requires it, so when its jar is on
   * the module path it is resolved by name, and it reads the student's classes as the harness does.
   */
  static final String HIDDEN_SUITES_MODULE = "grader.harness.hidden";

  /**
   * What the harness JVM's code needs from the JDK, all resolved ({@code --add-modules}: WireMock is
   * an automatic module and declares nothing): the suites sample threads ({@code java.management}),
   * call HTTP servers ({@code java.net.http}); JUnit and Jetty log through {@code java.logging};
   * WireMock parses XML at start-up ({@code java.xml}); the launch-gate agent, which {@code
   * JDK_JAVA_OPTIONS} loads into every JVM of the run, needs {@code java.instrument}. WireMock's
   * Jetty and Guava probe {@code sun.misc.Unsafe} and fall back without it.
   */
  static final List<String> HARNESS_JDK_MODULES = List.of(
      "java.base", "java.instrument", "java.logging", "java.management", "java.net.http", "java.xml");

  /** What the exercises' contract lets a student's JVM use; the agent needs {@code java.instrument}. */
  static final List<String> STUDENT_JDK_MODULES = List.of("java.base", "java.instrument", "java.net.http");

  /** The first JDK with {@code --illegal-native-access} (JEP 472). */
  static final int NATIVE_ACCESS_DENIABLE = 24;

  private final GraderInstallation installation;
  /**
   * Whether the Java is a {@link RuntimeImage}: the JDK modules not allowed are then absent from it,
   * and {@code --limit-modules}, which would switch class-data sharing off, is left out.
   */
  private final boolean onImage;

  ModuleOptions(GraderInstallation installation) {
    this.installation = installation;
    this.onImage = RuntimeImage.holdsOnlyAllowedModules(installation.javaHome());
  }

  /** Module path, reads, limits and native access of the harness JVM (before {@code -cp}). */
  List<String> harness() {
    List<Path> modulePath = installation.modulePath();
    List<String> options = new ArrayList<>();
    options.add("--module-path");
    options.add(String.join(File.pathSeparator, modulePath.stream().map(Path::toString).toList()));
    // The suites call the student's classes (compiled against solutions/): the harness reads the
    // unnamed module. Nothing in the other direction.
    options.add("--add-reads");
    options.add(HARNESS_MODULE + "=ALL-UNNAMED");
    List<String> roots = new ArrayList<>(HARNESS_JDK_MODULES);
    if (hasModule(modulePath, HIDDEN_SUITES_MODULE)) {
      // Only when there: an --add-reads of an unknown module would print a warning into the student's output.
      options.add("--add-reads");
      options.add(HIDDEN_SUITES_MODULE + "=ALL-UNNAMED");
      roots.add(HIDDEN_SUITES_MODULE);
    }
    if (!onImage) {
      options.add("--limit-modules");
      options.add(String.join(",", limit(modulePath)));
    }
    options.add("--add-modules");
    options.add(String.join(",", roots));
    options.addAll(nativeAccess());
    return options;
  }

  /** The options {@code JDK_JAVA_OPTIONS} gives every JVM the student starts (and, first, the harness). */
  List<String> student() {
    List<String> options = new ArrayList<>();
    if (!onImage) {
      options.add("--limit-modules");
      options.add(String.join(",", STUDENT_JDK_MODULES));
    }
    options.addAll(nativeAccess());
    return options;
  }

  private List<String> nativeAccess() {
    return installation.javaFeatureVersion() >= NATIVE_ACCESS_DENIABLE ? List.of("--illegal-native-access=deny")
        : List.of();
  }

  static boolean hasModule(List<Path> modulePath, String name) {
    return ModuleFinder.of(modulePath.toArray(Path[]::new)).find(name).isPresent();
  }

  /** The grader's own modules (every one on the module path, automatic ones included) and the JDK's allowed ones. */
  static List<String> limit(List<Path> modulePath) {
    TreeSet<String> names = new TreeSet<>(HARNESS_JDK_MODULES);
    for (ModuleReference module : ModuleFinder.of(modulePath.toArray(Path[]::new)).findAll()) {
      names.add(module.descriptor().name());
    }
    return List.copyOf(names);
  }
}
