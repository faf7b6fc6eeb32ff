package grader.cli;

import grader.sandbox.InvalidLimitsException;
import grader.sandbox.SandboxPolicy;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --limits FILE}, shared by {@code check}, {@code grade} and {@code batch}: the resource
 * limits to grade under instead of the defaults (the JSON of docs/SANDBOX.md, "The limits file").
 */
final class LimitsOption {
  @Option(names = "--limits", paramLabel = "FILE",
      description = "grade under the resource limits in FILE (JSON, docs/SANDBOX.md) instead of the defaults")
  private String file;

  /** The limits file read and checked, or the built-in limits; a broken file is a usage error. */
  SandboxPolicy load(CliEnvironment environment) throws UsageException {
    if (file == null) {
      return SandboxPolicy.standard();
    }
    try {
      return SandboxPolicy.load(Options.path("--limits", file, environment));
    } catch (InvalidLimitsException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Per-exercise limits of an exercise the rubric does not have are a typo, not a no-op. */
  static void checkExercises(SandboxPolicy policy, List<String> known) throws UsageException {
    for (String id : policy.perExercise().keySet()) {
      if (!known.contains(id)) {
        throw new UsageException("--limits: \"exercises\" names " + id + ", which is no exercise (known: "
            + String.join(", ", known) + ")");
      }
    }
  }
}
