package grader.grading;

/**
 * Grading could not complete because of the grader or the machine (a broken rubric, a missing jar,
 * a full disk), never because of the submission: everything a submission does is scorecard content.
 */
public final class GradingException extends Exception {
  private static final long serialVersionUID = 1L;

  public GradingException(String message, Throwable cause) {
    super(message, cause);
  }
}
