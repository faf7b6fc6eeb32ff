package grader.grading;

import grader.intake.IntakePolicy;
import grader.rubric.Rubric;
import grader.run.GraderInstallation;
import grader.run.RunPolicy;
import grader.sandbox.ResourceLimits;
import grader.sandbox.Sandbox;
import grader.sandbox.SandboxPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link Grader} needs, chosen once by the entry point.
 *
 * @param workRoot where each grading run makes its private directory
 * @param keepWorkDir keep that directory afterwards (for debugging the grader)
 * @param warnings warnings of the setup itself (e.g. why the sandbox fell back), copied into every
 *     scorecard
 * @param exerciseLimits limits of single exercises, by id, instead of {@code limits} (a limits file's
 *     per-exercise section)
 * @param bytecodePolicy check each exercise's classes against the bytecode policy before it runs
 *     (always on, except in tests that prove the run-time layers alone)
 */
public record GraderSetup(
    GraderInstallation installation,
    Rubric rubric,
    Sandbox sandbox,
    ResourceLimits limits,
    RunPolicy runPolicy,
    IntakePolicy intakePolicy,
    Clock clock,
    Path workRoot,
    boolean keepWorkDir,
    GradingListener listener,
    List<String> warnings,
    Map<String, ResourceLimits> exerciseLimits,
    boolean bytecodePolicy) {

  public GraderSetup {
    Objects.requireNonNull(installation, "installation must not be null");
    Objects.requireNonNull(rubric, "rubric must not be null");
    Objects.requireNonNull(sandbox, "sandbox must not be null");
    Objects.requireNonNull(limits, "limits must not be null");
    Objects.requireNonNull(runPolicy, "runPolicy must not be null");
    Objects.requireNonNull(intakePolicy, "intakePolicy must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(workRoot, "workRoot must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    warnings = List.copyOf(warnings);
    exerciseLimits = Map.copyOf(exerciseLimits);
  }

  /** The limits one exercise runs under. */
  public ResourceLimits limitsFor(String exerciseId) {
    return exerciseLimits.getOrDefault(exerciseId, limits);
  }

  /** Default limits and policies, the system clock and temp dir, no listener. */
  public static GraderSetup of(GraderInstallation installation, Rubric rubric, Sandbox sandbox) {
    return builder(installation, rubric, sandbox).build();
  }

  /** A builder that starts from the defaults of {@link #of}. */
  public static Builder builder(GraderInstallation installation, Rubric rubric, Sandbox sandbox) {
    return new Builder(installation, rubric, sandbox);
  }

  /** A builder that starts from this setup. */
  public Builder toBuilder() {
    Builder builder = new Builder(installation, rubric, sandbox);
    builder.limits = limits;
    builder.runPolicy = runPolicy;
    builder.intakePolicy = intakePolicy;
    builder.clock = clock;
    builder.workRoot = workRoot;
    builder.keepWorkDir = keepWorkDir;
    builder.listener = listener;
    builder.warnings = warnings;
    builder.exerciseLimits = exerciseLimits;
    builder.bytecodePolicy = bytecodePolicy;
    return builder;
  }

  /** Builds a {@link GraderSetup}; what is not set keeps the default of {@link GraderSetup#of}. */
  public static final class Builder {
    private final GraderInstallation installation;
    private final Rubric rubric;
    private final Sandbox sandbox;
    private ResourceLimits limits = ResourceLimits.defaults();
    private RunPolicy runPolicy = RunPolicy.defaults();
    private IntakePolicy intakePolicy = IntakePolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Path workRoot = Path.of(System.getProperty("java.io.tmpdir"));
    private boolean keepWorkDir;
    private GradingListener listener = GradingListener.NONE;
    private List<String> warnings = List.of();
    private Map<String, ResourceLimits> exerciseLimits = Map.of();
    private boolean bytecodePolicy = true;

    private Builder(GraderInstallation installation, Rubric rubric, Sandbox sandbox) {
      this.installation = installation;
      this.rubric = rubric;
      this.sandbox = sandbox;
    }

    /** Limits for every exercise, and per exercise where the policy (a limits file) says so. */
    public Builder sandboxPolicy(SandboxPolicy policy) {
      this.limits = policy.defaults();
      this.exerciseLimits = policy.perExercise();
      return this;
    }

    /** The same limits for every exercise. */
    public Builder limits(ResourceLimits limits) {
      this.limits = limits;
      this.exerciseLimits = Map.of();
      return this;
    }

    public Builder runPolicy(RunPolicy runPolicy) {
      this.runPolicy = runPolicy;
      return this;
    }

    public Builder intakePolicy(IntakePolicy intakePolicy) {
      this.intakePolicy = intakePolicy;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Where each run makes its private directory, and whether it stays afterwards (debugging). */
    public Builder workRoot(Path workRoot, boolean keep) {
      this.workRoot = workRoot;
      this.keepWorkDir = keep;
      return this;
    }

    public Builder listener(GradingListener listener) {
      this.listener = listener;
      return this;
    }

    public Builder warnings(List<String> warnings) {
      this.warnings = warnings;
      return this;
    }

    /** Off only in tests that show the run-time layers stop an attack on their own. */
    public Builder bytecodePolicy(boolean on) {
      this.bytecodePolicy = on;
      return this;
    }

    public GraderSetup build() {
      return new GraderSetup(installation, rubric, sandbox, limits, runPolicy, intakePolicy, clock, workRoot,
          keepWorkDir, listener, warnings, exerciseLimits, bytecodePolicy);
    }
  }
}
