package grader.rubric;

import java.util.Locale;

/**
 * Who may see a graded test. A {@link #HIDDEN} test is graded by the instructor's grader only: the
 * student bundle carries neither its code (hidden tests live in a {@code <suite>.hidden} package,
 * which {@code make dist} leaves out) nor its rubric entry, only the points held back.
 */
public enum Visibility {
  PUBLIC,
  HIDDEN;

  /** The rubric's spelling: {@code "public"} or {@code "hidden"}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The package a test of this visibility must be declared in, for a suite in {@code suitePackage}. */
  public static String hiddenPackage(String suitePackage) {
    return suitePackage + ".hidden";
  }
}
