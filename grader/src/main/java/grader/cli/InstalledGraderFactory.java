package grader.cli;

import grader.grading.GradeRequest;
import grader.grading.Grader;
import grader.grading.GraderSetup;
import grader.grading.GradingException;
import grader.grading.GradingListener;
import grader.rubric.Rubric;
import grader.rubric.RubricLoader;
import grader.run.GraderInstallation;
import grader.sandbox.ResourceLimits;
import grader.sandbox.Sandbox;
import grader.sandbox.Sandboxes;
import grader.scorecard.Scorecard;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real engine: the grader installation this jar belongs to ({@code grader/target}), the rubric
 * inside it, and the strongest sandbox the machine offers.
 */
final class InstalledGraderFactory implements GraderFactory {

  @Override
  public Grading create(EngineOptions options, GradingListener listener, PrintWriter warnings) throws Exception {
    GraderInstallation installation = GraderInstallation.fromRunningJar();
    Rubric rubric = RubricLoader.ofGrader().load();
    // The sandbox is probed with the limits every exercise without its own runs under.
    Sandbox sandbox = chooseSandbox(options, options.limits().defaults(), warnings);
    GraderSetup.Builder setup = GraderSetup.builder(installation, rubric, sandbox).listener(listener)
        .sandboxPolicy(options.limits());
    if (options.keepWorkDir()) {
      Path kept = Files.createTempDirectory("grader-work-");
      warnings.println("grader: keeping the work folders in " + kept);
      warnings.flush();
      setup.workRoot(kept, true);
    }
    Grader grader = new Grader(setup.build());
    return new Grading() {
      @Override
      public List<String> exerciseIds() {
        return rubric.exerciseIds();
      }

      @Override
      public Scorecard grade(GradeRequest request) throws GradingException, InterruptedException {
        return grader.grade(request);
      }

      @Override
      public java.util.Optional<grader.scorecard.GraderInfo> info() {
        return java.util.Optional.of(grader.info());
      }
    };
  }

  /** The one place the command line picks the sandbox. */
  private static Sandbox chooseSandbox(EngineOptions options, ResourceLimits limits, PrintWriter warnings)
      throws Exception {
    PrintWriter banner = options.announceFallback() ? warnings : new PrintWriter(Writer.nullWriter());
    return Sandboxes.best(options.requireSandbox(), limits, banner);
  }
}
