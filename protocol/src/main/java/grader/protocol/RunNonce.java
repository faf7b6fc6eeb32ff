package grader.protocol;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The secret of one child run: the parent generates it, hands it to the child on standard input and
 * accepts only event lines sealed with it. It never appears on a command line, in the environment or
 * in the results file, so student code cannot learn it from there.
 */
public record RunNonce(String value) {
  private static final int BYTES = 32;

  public RunNonce {
    Objects.requireNonNull(value, "value must not be null");
    if (!value.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a run nonce is 64 lower-case hex digits");
    }
  }

  public static RunNonce generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new RunNonce(HexFormat.of().formatHex(bytes));
  }

  /** Never prints the secret, so it cannot leak into a log or a scorecard by accident. */
  @Override
  public String toString() {
    return "RunNonce[****]";
  }
}
