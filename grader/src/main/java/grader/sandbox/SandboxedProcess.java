package grader.sandbox;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** A running sandboxed command. Closing it kills the whole tree and frees what the sandbox set up. */
public interface SandboxedProcess extends AutoCloseable {

  /** The command's standard input (the harness reads its secret nonce from here, then it is closed). */
  OutputStream stdin();

  /** Waits up to {@code timeout}; the exit status, or empty if it is still running. */
  OptionalInt waitFor(Duration timeout) throws InterruptedException;

  boolean isAlive();

  /** Kills the command and everything it started (SIGKILL; never SIGTERM: see docs/SANDBOX.md, "kill and clean up"). */
  void kill();

  /**
   * The limits this run ran into, each as a sentence a student can read (for example "the memory
   * limit of 2048 MB for all processes of the run was reached: the kernel killed 1 process"). Empty
   * when nothing was hit or the sandbox cannot tell. Complete once the process has ended or been
   * {@linkplain #close() closed}.
   */
  default List<String> limitsHit() {
    return List.of();
  }

  /** Kills whatever is left and releases the sandbox's resources (cgroups, temporary mounts). */
  @Override
  void close();
}
