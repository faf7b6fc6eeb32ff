package grader.sandbox;

/** A limits file that cannot be used; the message names the file, the key and what is allowed. */
public final class InvalidLimitsException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidLimitsException(String message) {
    super(message);
  }
}
