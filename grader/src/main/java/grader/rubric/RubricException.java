package grader.rubric;

/**
 * The rubric is broken: a file is missing or malformed, or it does not match the tests the suite
 * declares. Always a grader bug, never the student's: the message names the file and the field.
 */
public final class RubricException extends Exception {
  private static final long serialVersionUID = 1L;

  public RubricException(String message) {
    super(message);
  }

  public RubricException(String message, Throwable cause) {
    super(message, cause);
  }
}
