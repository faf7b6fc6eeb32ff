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
    return new GraderSetup(installation, rubric, sandbox, ResourceLimits.defaults(), RunPolicy.defaults(),
        IntakePolicy.defaults(), Clock.systemUTC(), Path.of(System.getProperty("java.io.tmpdir")), false,
        GradingListener.NONE, List.of(), Map.of(), true);
  }

  /** Limits for every exercise, and per exercise where the policy says so. */
  public GraderSetup withSandboxPolicy(SandboxPolicy policy) {
    return new GraderSetup(installation, rubric, sandbox, policy.defaults(), runPolicy, intakePolicy, clock, workRoot,
        keepWorkDir, listener, warnings, policy.perExercise(), bytecodePolicy);
  }

  public GraderSetup withLimits(ResourceLimits newLimits) {
    return new GraderSetup(installation, rubric, sandbox, newLimits, runPolicy, intakePolicy, clock, workRoot,
        keepWorkDir, listener, warnings, exerciseLimits, bytecodePolicy);
  }

  public GraderSetup withRunPolicy(RunPolicy newPolicy) {
    return new GraderSetup(installation, rubric, sandbox, limits, newPolicy, intakePolicy, clock, workRoot,
        keepWorkDir, listener, warnings, exerciseLimits, bytecodePolicy);
  }

  public GraderSetup withIntakePolicy(IntakePolicy newPolicy) {
    return new GraderSetup(installation, rubric, sandbox, limits, runPolicy, newPolicy, clock, workRoot,
        keepWorkDir, listener, warnings, exerciseLimits, bytecodePolicy);
  }

  public GraderSetup withClock(Clock newClock) {
    return new GraderSetup(installation, rubric, sandbox, limits, runPolicy, intakePolicy, newClock, workRoot,
        keepWorkDir, listener, warnings, exerciseLimits, bytecodePolicy);
  }

  public GraderSetup withWorkRoot(Path newWorkRoot, boolean keep) {
    return new GraderSetup(installation, rubric, sandbox, limits, runPolicy, intakePolicy, clock, newWorkRoot, keep,
        listener, warnings, exerciseLimits, bytecodePolicy);
  }

  public GraderSetup withListener(GradingListener newListener) {
    return new GraderSetup(installation, rubric, sandbox, limits, runPolicy, intakePolicy, clock, workRoot,
        keepWorkDir, newListener, warnings, exerciseLimits, bytecodePolicy);
  }

  public GraderSetup withWarnings(List<String> newWarnings) {
    return new GraderSetup(installation, rubric, sandbox, limits, runPolicy, intakePolicy, clock, workRoot,
        keepWorkDir, listener, newWarnings, exerciseLimits, bytecodePolicy);
  }

  /** Without the bytecode policy: for tests that show the run-time layers stop an attack on their own. */
  public GraderSetup withoutBytecodePolicy() {
    return new GraderSetup(installation, rubric, sandbox, limits, runPolicy, intakePolicy, clock, workRoot,
        keepWorkDir, listener, warnings, exerciseLimits, false);
  }
}
