package grader.cli;

/** The command line is wrong (unknown flag, missing value): exit status 2, the message and the usage. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
