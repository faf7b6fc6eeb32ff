package grader.intake;

import java.util.List;

/**
 * Packages a submission may not declare classes in: the grader's own, the JDK's and those of the
 * libraries on the harness's class path. A student class there could shadow or reach into the code
 * that grades it.
 */
public final class ReservedPackages {
  private static final List<String> PREFIXES = List.of(
      "grader", "java", "javax", "jdk", "sun", "com.sun",
      "org.junit", "org.opentest4j", "org.apiguardian", "org.awaitility", "org.hamcrest",
      "com.github.tomakehurst", "org.wiremock", "wiremock", "com.fasterxml.jackson");

  private ReservedPackages() {}

  /** The reserved package prefixes: each one and all its sub-packages are reserved. */
  public static List<String> prefixes() {
    return PREFIXES;
  }

  /** Whether {@code packageName} ({@code ""} for the unnamed package) is reserved. */
  public static boolean isReserved(String packageName) {
    for (String prefix : PREFIXES) {
      if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
        return true;
      }
    }
    return false;
  }
}
