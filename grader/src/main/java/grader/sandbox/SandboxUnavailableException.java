package grader.sandbox;

/** Bubblewrap cannot run here and the caller required it ({@code --require-sandbox}); the message has the fix. */
public final class SandboxUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public SandboxUnavailableException(String message) {
    super(message);
  }
}
