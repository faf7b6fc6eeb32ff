package grader.suites.support;

/**
 * Builds the three-part message every failing graded test gives: what was expected, what was
 * observed (with the numbers), and a hint that teaches. The engine shows it to the student as is.
 */
public final class Feedback {
  private Feedback() {}

  public static String of(String expected, String observed, String hint) {
    return "Expected: " + expected + "\nObserved: " + observed + "\nHint: " + hint;
  }
}
