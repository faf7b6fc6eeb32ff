package grader.protocol;

/**
 * How the grader and the harness name a suite class when they split an exercise into parts (the
 * rubric's {@code parts}, the harness's {@code --except}): relative to the suite package, the
 * top-level class only. {@code grader.suites.compare.ReportSuite$Table} in {@code
 * grader.suites.compare} is {@code ReportSuite}, a hidden suite's class {@code hidden.ExtraSuite}.
 * One rule in the protocol both sides share, so the two cannot drift apart.
 */
public final class SuiteClassName {
  private SuiteClassName() {}

  /** The name of the suite class that declares a test of class {@code className}, in {@code suitePackage}. */
  public static String relative(String suitePackage, String className) {
    int nested = className.indexOf('$');
    String topLevel = nested < 0 ? className : className.substring(0, nested);
    return topLevel.startsWith(suitePackage + ".") ? topLevel.substring(suitePackage.length() + 1) : topLevel;
  }
}
