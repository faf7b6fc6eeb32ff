package grader.batch;

/**
 * The instructor's input cannot be used as given: a missing submissions folder, an output folder
 * inside it, an unknown {@code --only} id, shard outputs that do not belong together. The message
 * names the thing and the fix; the command line reports it as a usage error.
 */
public final class BatchInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public BatchInputException(String message) {
    super(message);
  }
}
