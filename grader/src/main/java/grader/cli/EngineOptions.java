package grader.cli;

import grader.sandbox.SandboxPolicy;
import java.util.Objects;

/**
 * How a command wants the engine set up.
 *
 * @param requireSandbox refuse to grade without the bubblewrap sandbox ({@code --require-sandbox})
 * @param keepWorkDir keep the private work folders for debugging ({@code --keep-work-dir})
 * @param announceFallback print the loud warning when falling back to plain processes (instructors
 *     grading others' code need it; a student checking their own code has it in the report)
 * @param limits the resource limits to grade under ({@code --limits FILE}, else the defaults)
 */
public record EngineOptions(boolean requireSandbox, boolean keepWorkDir, boolean announceFallback,
    SandboxPolicy limits) {
  public EngineOptions {
    Objects.requireNonNull(limits, "limits must not be null");
  }

  /** With the built-in limits. */
  public EngineOptions(boolean requireSandbox, boolean keepWorkDir, boolean announceFallback) {
    this(requireSandbox, keepWorkDir, announceFallback, SandboxPolicy.standard());
  }
}
