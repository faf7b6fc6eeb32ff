package grader.intake;

/**
 * A submission that cannot be graded at all (not a zip, no {@code src/main/java}, nothing
 * accepted). The message is written for the student: what was found and what layout is expected.
 */
public final class IntakeException extends Exception {
  private static final long serialVersionUID = 1L;

  public IntakeException(String message) {
    super(message);
  }

  public IntakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
