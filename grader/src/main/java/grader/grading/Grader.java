package grader.grading;

import grader.compile.CompileResult;
import grader.compile.CompilerProcess;
import grader.compile.ExerciseBuild;
import grader.intake.Intake;
import grader.intake.IntakeException;
import grader.intake.IntakeResult;
import grader.policy.BytecodePolicy;
import grader.policy.PolicyResult;
import grader.rubric.ExerciseRubric;
import grader.rubric.Rubric;
import grader.rubric.RubricException;
import grader.rubric.RubricScorer;
import grader.rubric.TestPoints;
import grader.run.CompilerArchive;
import grader.run.ExerciseOutcome;
import grader.run.ExerciseRunner;
import grader.run.RunListener;
import grader.run.SuiteCatalog;
import grader.run.SuiteRun;
import grader.run.TestOutcome;
import grader.run.WorkDirectory;
import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GraderInfo;
import grader.scorecard.Isolation;
import grader.scorecard.Scorecard;
import grader.scorecard.SubmissionInfo;
import grader.scorecard.TestResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * The grading engine: the one pipeline behind {@code check}, {@code grade} and {@code batch}. It
 * copies a submission into a private work dir, compiles each exercise, runs each compiled
 * exercise's suite in sandboxed child JVMs (the exercises at the same time, reported in rubric order
 * as if one after another: {@link ExerciseSchedule}), scores the outcomes against the rubric and
 * returns a complete scorecard, whatever the submission does.
 *
 * <p>Everything a submission can cause (unreadable zip, compile errors, missing classes, crashes,
 * timeouts) is scorecard content; {@link #grade} throws only when the grader or the machine fails.
 * Thread-safe: a batch may grade several submissions with one instance at once.
 */
public final class Grader {
  private static final String PROCESS_WARNING = "Student code ran as a plain child process without a sandbox"
      + " (isolation: process): it could read files and reach the network; only memory, open files and file"
      + " sizes were limited.";

  private final GraderSetup setup;
  private final GraderInfo info;
  private final SuiteCatalog catalog;
  private final BytecodePolicy policy = BytecodePolicy.standard();
  /** javac's JVM: from its class-data archive where the run policy wants start-up archives. */
  private final CompilerProcess compiler;
  /**
   * Harness JVMs of this grader at once, over every submission it grades at the same time (a batch's
   * jobs share them): twice the cores, and at least the harness JVMs of one whole grading, so that
   * every exercise and part of one submission runs at once, each in a cgroup of its own with an
   * equal CPU share (a part left waiting for a slot was the end of the grading's critical path),
   * and a batch's jobs do not pile up more JVMs than the machine can keep fed. Each part of an
   * exercise (the rubric's {@code parts}) holds one while it runs ({@link ExerciseRunner}), not the
   * exercise as a whole.
   */
  private final Semaphore harnessSlots;

  public Grader(GraderSetup setup) throws GradingException {
    this.setup = Objects.requireNonNull(setup, "setup must not be null");
    this.harnessSlots = new Semaphore(harnessSlotsFor(Runtime.getRuntime().availableProcessors(),
        harnessJvmsPerGrading(setup.rubric())), true);
    setup.installation().check();
    this.catalog = new SuiteCatalog(setup.installation());
    // What graders killed with SIGKILL left (their work mounts went with the sandbox's sweep).
    WorkDirectory.sweepStale(setup.workRoot());
    new ExerciseRunner(setup.installation(), setup.sandbox(), setup.limits(), setup.runPolicy(), setup.clock())
        .prepare();
    if (setup.runPolicy().classDataArchive()) {
      CompilerArchive archive = new CompilerArchive(setup.installation());
      archive.ensure();
      this.compiler = archive.compiler();
    } else {
      this.compiler = new CompilerProcess(setup.installation().javaLauncher(), setup.installation().classPath());
    }
    try {
      GraderInfo facts = GraderFacts.of(setup.installation(), setup.rubric(), setup.limits(), setup.exerciseLimits(),
          setup.runPolicy());
      Map<String, String> limits = new java.util.TreeMap<>(facts.limits());
      setup.sandbox().facts().forEach((key, value) -> limits.put("sandbox." + key, value));
      this.info = new GraderInfo(facts.version(), facts.java(), facts.suiteHash(), limits);
    } catch (IOException e) {
      throw new GradingException("cannot read the grader's jar " + setup.installation().graderJar(), e);
    }
  }

  public GraderInfo info() {
    return info;
  }

  /**
   * Grades one submission.
   *
   * @throws IllegalArgumentException if the request names an exercise the rubric does not have
   * @throws GradingException if the grader or the machine failed (never because of the submission)
   */
  public Scorecard grade(GradeRequest request) throws GradingException, InterruptedException {
    List<ExerciseRubric> exercises = select(request.exercises());
    long start = setup.clock().millis();
    Path runDir;
    try {
      runDir = WorkDirectory.create(setup.workRoot());
    } catch (IOException e) {
      throw new GradingException("cannot create a work directory in " + setup.workRoot(), e);
    }
    List<String> warnings = new ArrayList<>(setup.warnings());
    if (setup.sandbox().isolation() == Isolation.PROCESS) {
      warnings.add(PROCESS_WARNING);
    }
    try {
      Pipeline pipeline = new Pipeline(request, runDir, warnings);
      List<ExerciseResult> results = pipeline.run(exercises);
      return Scorecard.of(info, new SubmissionInfo(request.submissionId(), pipeline.sha256),
          setup.sandbox().isolation(), setup.clock().millis() - start, results, warnings);
    } catch (IOException e) {
      throw new GradingException("grading " + request.submissionId() + " failed: " + e.getMessage(), e);
    } catch (RubricException e) {
      throw new GradingException("the rubric does not match the suites: " + e.getMessage(), e);
    } finally {
      if (!setup.keepWorkDir()) {
        WorkDirectory.delete(runDir);
      }
    }
  }

  private List<ExerciseRubric> select(Set<String> ids) {
    Set<String> unknown = new LinkedHashSet<>(ids);
    unknown.removeAll(setup.rubric().exerciseIds());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown exercise " + String.join(", ", unknown) + " (known: "
          + String.join(", ", setup.rubric().exerciseIds()) + ")");
    }
    return setup.rubric().exercises().stream().filter(e -> ids.isEmpty() || ids.contains(e.id())).toList();
  }

  /** One grading run: its files, warnings and the submission's hash. */
  private final class Pipeline {
    private final GradeRequest request;
    private final Path runDir;
    private final List<String> warnings;
    private final GradingListener listener = setup.listener();
    private String sha256 = "";

    Pipeline(GradeRequest request, Path runDir, List<String> warnings) {
      this.request = request;
      this.runDir = runDir;
      this.warnings = warnings;
    }

    List<ExerciseResult> run(List<ExerciseRubric> exercises)
        throws IOException, InterruptedException, RubricException {
      IntakeResult intake;
      try {
        intake = new Intake(setup.intakePolicy(), setup.rubric().providedClasses()).copy(request.submission(), runDir.resolve("submission"));
      } catch (IntakeException e) {
        String message = "The submission could not be read: " + e.getMessage();
        note(message);
        List<ExerciseResult> results = new ArrayList<>();
        for (ExerciseRubric exercise : exercises) {
          listener.exerciseStarted(request.submissionId(), exercise);
          results.add(finish(notRun(exercise, ExerciseStatus.MISSING, message, List.of(),
              "Not run: the submission could not be read.")));
        }
        return results;
      }
      sha256 = intake.sha256();
      for (String refusal : intake.refusals()) {
        warnings.add("Intake: " + refusal);
        note("Intake: " + refusal);
      }
      Path sources = intake.root().resolve("src").resolve("main").resolve("java");
      // javac in a JVM of its own, with a heap and a time limit: sources can make it use any amount of both.
      CompileResult compiled = compiler.compile(sources, exercises, runDir.resolve("classes"));
      return ExerciseSchedule.run(exercises, exercises.size(), warnings, listener,
          (exercise, slot) -> exercise(exercise, compiled, sources, intake.root(), slot));
    }

    /** One exercise from its compiled build to its result; everything it reports goes through {@code slot}. */
    private ExerciseResult exercise(ExerciseRubric exercise, CompileResult compiled, Path sources, Path submissionRoot,
        ExerciseSchedule.Slot slot) throws IOException, InterruptedException, RubricException {
      slot.listener().exerciseStarted(request.submissionId(), exercise);
      ExerciseBuild build = compiled.of(exercise.id()).orElse(null);
      ExerciseResult result;
      if (build == null) {
        result = notRun(exercise, ExerciseStatus.MISSING, "The exercise's classes are missing.",
            List.of(), "Not run: the exercise's classes are missing.");
      } else if (build.status() != ExerciseStatus.GRADED) {
        String why = build.status() == ExerciseStatus.COMPILE_ERROR
            ? "Not run: the exercise did not compile."
            : "Not run: the exercise's classes are missing.";
        result = notRun(exercise, build.status(), build.message(), build.diagnostics(), why);
      } else {
        PolicyResult refused = setup.bytecodePolicy()
            ? policy.check(build.classesDirectory(), sources, packageOf(exercise)) : null;
        if (refused != null && !refused.passed()) {
          result = notRun(exercise, ExerciseStatus.COMPILE_ERROR, refused.message(), refused.diagnostics(),
              "Not run: the exercise uses Java API the grader does not allow.");
        } else {
          result = graded(exercise, build, submissionRoot, slot);
        }
      }
      slot.listener().exerciseFinished(request.submissionId(), result);
      return result;
    }

    private ExerciseResult graded(ExerciseRubric exercise, ExerciseBuild build, Path submissionRoot,
        ExerciseSchedule.Slot slot) throws IOException, InterruptedException, RubricException {
      GradingListener listener = slot.listener();
      List<String> warnings = slot.warnings();
      Map<String, TestPoints> points = new HashMap<>();
      exercise.tests().forEach(t -> points.put(t.id(), t));
      RunListener progress = new RunListener() {
        @Override
        public void testStarted(String exerciseId, String testId, String name) {
          listener.testStarted(request.submissionId(), exerciseId, testId, name);
        }

        @Override
        public void testFinished(String exerciseId, TestOutcome outcome) {
          TestPoints test = points.get(outcome.id());
          if (test != null) {
            listener.testFinished(request.submissionId(), exerciseId, score(exercise, test, outcome));
          }
        }
      };
      SuiteRun run = new SuiteRun(exercise, build.classesDirectory(), submissionRoot,
          runDir.resolve("run").resolve(exercise.id()));
      ExerciseRunner runner = new ExerciseRunner(setup.installation(), setup.sandbox(),
          setup.limitsFor(exercise.id()), setup.runPolicy(), setup.clock(), harnessSlots);
      ExerciseOutcome outcome = runner.run(run, progress);
      if (outcome.rejectedLines() > 0) {
        String warning = exercise.id() + ": " + outcome.rejectedLines() + " line(s) in the results channel were not"
            + " written by the grader's harness and were ignored (only sealed results count).";
        warnings.add(warning);
        listener.note(request.submissionId(), warning);
      }
      for (String contradiction : outcome.contradictions()) {
        String warning = exercise.id() + ": " + contradiction + ".";
        warnings.add(warning);
        listener.note(request.submissionId(), warning);
      }
      if (outcome.message() != null) {
        listener.note(request.submissionId(), exercise.id() + ": " + outcome.message());
      }
      List<TestResult> tests = new ArrayList<>();
      for (TestOutcome test : outcome.tests()) {
        tests.add(score(exercise, points.get(test.id()), test));
      }
      List<Diagnostic> diagnostics = build.diagnostics() == null ? List.of() : build.diagnostics();
      return RubricScorer.total(exercise, outcome.status(), outcome.message(), diagnostics, tests);
    }

    private ExerciseResult finish(ExerciseResult result) {
      listener.exerciseFinished(request.submissionId(), result);
      return result;
    }

    private void note(String message) {
      listener.note(request.submissionId(), message);
    }
  }

  private TestResult score(ExerciseRubric exercise, TestPoints test, TestOutcome outcome) {
    // A test the child never listed (its JVM died at start-up) has its id for a name: look it up.
    String name = outcome.name().equals(outcome.id())
        ? catalog.namesOf(exercise.suite()).getOrDefault(outcome.id(), outcome.id())
        : outcome.name();
    return RubricScorer.score(test, name, outcome.status(), outcome.message(), outcome.durationMs(),
        outcome.measurements(), outcome.output(), outcome.timeline());
  }

  /**
   * Harness JVMs at once on a machine with {@code cores} cores, for a rubric whose one grading runs
   * {@code perGrading} of them; {@code -Dgrader.harnessSlots=N} overrides it (1: one exercise at a
   * time, as before, for measuring what the overlap buys).
   */
  static int harnessSlotsFor(int cores, int perGrading) {
    Integer forced = Integer.getInteger("grader.harnessSlots");
    return forced != null ? Math.max(1, forced) : Math.max(Math.max(2, 2 * cores), perGrading);
  }

  /** The harness JVMs one grading starts at once: one per exercise, one per part of an exercise in parts. */
  static int harnessJvmsPerGrading(Rubric rubric) {
    return rubric.exercises().stream().mapToInt(e -> Math.max(1, e.parts().size())).sum();
  }

  /** The exercise's package: that of its first contract class ({@code exercises.threads}). */
  private static String packageOf(ExerciseRubric exercise) {
    String first = exercise.classes().isEmpty() ? "exercises." + exercise.id() + ".X" : exercise.classes().get(0);
    return first.substring(0, first.lastIndexOf('.'));
  }

  /** An exercise that was not run: every rubric test is listed, not run, with no points. */
  private ExerciseResult notRun(ExerciseRubric exercise, ExerciseStatus status, String message,
      List<Diagnostic> diagnostics, String testMessage) {
    Map<String, String> names = catalog.namesOf(exercise.suite());
    List<TestResult> tests = exercise.tests().stream()
        .map(t -> RubricScorer.score(t, names.getOrDefault(t.id(), t.id()), grader.scorecard.TestStatus.NOT_RUN,
            testMessage, 0, Map.of(), ""))
        .toList();
    return RubricScorer.total(exercise, status, message, diagnostics == null ? List.of() : diagnostics, tests);
  }
}
