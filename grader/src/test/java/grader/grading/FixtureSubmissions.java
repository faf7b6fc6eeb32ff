package grader.grading;

import grader.batch.JobsPolicy;
import grader.rubric.RubricLoader;
import grader.run.GraderInstallation;
import grader.run.PrivateInstallation;
import grader.sandbox.ProcessSandbox;
import grader.sandbox.ResourceLimits;
import grader.sandbox.Sandbox;
import grader.sandbox.Sandboxes;
import grader.scorecard.ExerciseResult;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grading side of the fixture ITs: a grader that grades fixtures (see {@link
 * grader.fixtures.Fixture} for how a fixture becomes a submission) through a private copy of the
 * built grader.jar, in the strongest sandbox available (or the process fallback with {@code
 * -Dgrader.it.sandbox=process}), and how a scorecard is shown when a verdict differs.
 */
final class FixtureSubmissions {
  private FixtureSubmissions() {}

  /**
   * How many fixtures an IT grades at once through its one {@link #grader}: {@code -Dgrader.it.jobs},
   * by default a batch's ({@link JobsPolicy#defaultJobs()}, 4 on two cores). As in a batch, the
   * grader's shared harness slots, not the jobs, bound how many suites run at once, so verdicts are
   * checked under the load a batch puts on the machine.
   */
  static int jobs() {
    return Integer.getInteger("grader.it.jobs", JobsPolicy.defaultJobs());
  }

  /** A grader over a private copy of grader/target, with the grader's own rubric. */
  static Grader grader(Path workRoot) throws Exception {
    GraderInstallation installation = PrivateInstallation.copy(workRoot.resolve("installation"));
    ResourceLimits limits = ResourceLimits.defaults();
    Sandbox sandbox;
    if ("process".equals(System.getProperty("grader.it.sandbox"))) {
      sandbox = ProcessSandbox.detect();
    } else {
      sandbox = Sandboxes.best(false, limits, new PrintWriter(new StringWriter()));
    }
    GraderSetup setup = GraderSetup.builder(installation, RubricLoader.ofGrader().load(), sandbox)
        .workRoot(workRoot.resolve("runs"), false).build();
    return new Grader(setup);
  }

  /** Every test of every exercise, one line each, for failure messages. */
  static String describe(Scorecard scorecard) {
    StringBuilder text = new StringBuilder();
    for (ExerciseResult exercise : scorecard.exercises()) {
      text.append(exercise.id()).append(": ").append(exercise.status().id()).append(' ')
          .append(exercise.score()).append('/').append(exercise.maxScore())
          .append(exercise.message() == null ? "" : " -- " + exercise.message()).append('\n');
      for (TestResult test : exercise.tests()) {
        text.append("  ").append(test.id()).append(": ").append(test.status().id());
        if (test.status() != TestStatus.PASSED && test.message() != null) {
          text.append(" -- ").append(shorten(test.message()));
        }
        text.append('\n');
      }
    }
    if (!scorecard.warnings().isEmpty()) {
      text.append("warnings: ").append(String.join(" | ", scorecard.warnings())).append('\n');
    }
    return text.toString();
  }

  static String shorten(String message) {
    String oneLine = message.replace('\n', ' ');
    return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
  }

  static Set<String> notPassed(ExerciseResult exercise) {
    return exercise.tests().stream().filter(t -> t.status() != TestStatus.PASSED).map(TestResult::id)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
