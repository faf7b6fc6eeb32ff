package grader.sandbox;

import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;

/** A running sandboxed command. Closing it kills the whole tree and frees what the sandbox set up. */
public interface SandboxedProcess extends AutoCloseable {

  /** The command's standard input (the harness reads its secret nonce from here, then it is closed). */
  OutputStream stdin();

  /** Waits up to {@code timeout}; the exit status, or empty if it is still running. */
  OptionalInt waitFor(Duration timeout) throws InterruptedException;

  boolean isAlive();

  /** Kills the command and everything it started (SIGKILL; never SIGTERM, see DESIGN.md). */
  void kill();

  /** Kills whatever is left and releases the sandbox's resources (cgroups, temporary mounts). */
  @Override
  void close();
}
