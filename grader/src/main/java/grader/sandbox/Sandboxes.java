package grader.sandbox;

import java.io.PrintWriter;

/**
 * Picks the strongest sandbox this machine offers: bubblewrap when the probe (once per grader
 * process) shows it works, else the plain-process fallback with a loud warning, or, when the caller
 * requires isolation, an error that names the fix.
 */
public final class Sandboxes {

  private Sandboxes() {}

  /** The probe, run on first use and kept for the life of the grader process (the machine does not change). */
  private static final class Probed {
    static final SandboxProbe RESULT = SandboxProbe.run();
  }

  /** The probe result of this process (runs the probe on first call). */
  public static SandboxProbe probe() {
    return Probed.RESULT;
  }

  /**
   * The best sandbox.
   *
   * @param requireSandbox turn the fallback into an error ({@code --require-sandbox})
   * @param limits the limits the runs will use; used to say which of them the fallback cannot enforce
   * @param warnings where the fallback's warning goes (the CLI passes standard error)
   * @throws SandboxUnavailableException bubblewrap does not work and {@code requireSandbox} is set
   */
  public static Sandbox best(boolean requireSandbox, ResourceLimits limits, PrintWriter warnings)
      throws SandboxUnavailableException {
    return choose(probe(), requireSandbox, limits, warnings);
  }

  static Sandbox choose(SandboxProbe probe, boolean requireSandbox, ResourceLimits limits, PrintWriter warnings)
      throws SandboxUnavailableException {
    if (probe.sandbox().isPresent()) {
      return probe.sandbox().get();
    }
    if (requireSandbox) {
      throw new SandboxUnavailableException("the bubblewrap sandbox is required (--require-sandbox) but cannot run: "
          + probe.problem() + System.lineSeparator() + "Fix: " + probe.fix());
    }
    String rule = "!".repeat(78);
    warnings.println(rule);
    warnings.println("WARNING: student code will run WITHOUT a sandbox (isolation: process).");
    warnings.println("  Why: " + probe.problem());
    warnings.println("  Fix: " + probe.fix());
    warnings.println("  Without it the code can read your files, reach servers on this machine and the network,");
    warnings.println("  and only " + limits.heapMegabytes() + " MB heap, " + limits.maxOpenFiles() + " open files and "
        + limits.maxFileMegabytes() + " MB per file are enforced. Never grade untrusted code like this;");
    warnings.println("  instructors: add --require-sandbox to make this an error.");
    warnings.println(rule);
    warnings.flush();
    return ProcessSandbox.detect();
  }
}
