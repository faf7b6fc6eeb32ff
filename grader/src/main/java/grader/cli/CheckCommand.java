package grader.cli;

import grader.grading.GradeRequest;
import grader.report.TerminalReport;
import grader.sandbox.SandboxPolicy;
import grader.scorecard.GradedBy;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check}: what a student runs. Grades {@code ./exercises} exactly as an instructor's batch
 * would, shows live progress on a terminal, prints the report and writes {@code target/scorecard.json}.
 */
@picocli.CommandLine.Command(name = "check",
    customSynopsis = "java -jar grader.jar check [--exercise ID]... [--dir exercises] [--out target/scorecard.json]",
    description = {
        "Grades your exercises exactly as your instructor's grader will, prints the report",
        "and writes the scorecard."})
final class CheckCommand implements Command {
  @Parameters(arity = "0..*", hidden = true)
  private List<String> unexpected = new ArrayList<>();

  @Mixin
  private ExerciseSelection exercises;

  @Option(names = "--dir", paramLabel = "DIR", description = "the folder to grade (default: ${DEFAULT-VALUE})")
  private String dir = "exercises";

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the scorecard (default: ${DEFAULT-VALUE})")
  private String out = "target/scorecard.json";

  @Mixin
  private LimitsOption limits;

  @Mixin
  private KeepWorkDirOption keepWorkDir;

  @Mixin
  private GradedByOptions gradedBy;

  @Override
  public String summary() {
    return "grade your exercises/ folder and show the report (what students run)";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    if (!unexpected.isEmpty()) {
      throw new UsageException("check takes no submission (it grades --dir, default exercises/): got " + unexpected.get(0));
    }
    CliEnvironment environment = context.environment();
    Path folder = Options.path("--dir", dir, environment);
    Path scorecardFile = Options.path("--out", out, environment);
    Optional<GradedBy> by = gradedBy.build(Main.version());
    if (!Files.isDirectory(folder)) {
      throw new UsageException("no folder " + folder + " to grade: run check in the repository's root or pass --dir");
    }
    TerminalReport report = new TerminalReport(environment.colour());
    LiveProgress listener = environment.terminal()
        ? LiveProgress.onTerminal(context.out(), environment.columns(), environment.colour())
        : LiveProgress.plain(context.out());
    SandboxPolicy policy = limits.load(environment);
    Grading grading = context.graders().create(
        new EngineOptions(false, keepWorkDir.keep(), false, policy), listener, context.err());
    Set<String> selected = exercises.checked(grading.exerciseIds());
    LimitsOption.checkExercises(policy, grading.exerciseIds());
    Scorecard scorecard;
    try {
      scorecard = grading.grade(new GradeRequest(folder, GradeCommand.defaultId(folder), selected));
    } finally {
      listener.clear();
    }
    scorecard = by.map(scorecard::withGradedBy).orElse(scorecard);
    ScorecardJson.write(scorecard, scorecardFile);
    context.out().print(report.render(scorecard));
    Path shown = scorecardFile.startsWith(environment.workingDirectory())
        ? environment.workingDirectory().relativize(scorecardFile)
        : scorecardFile;
    context.out().println("Scorecard: " + shown);
    Path page = HtmlReportFile.write(scorecard, scorecardFile);
    context.out().println("Report with timelines: " + (environment.terminal() ? page.toUri() : shown.resolveSibling("report.html")));
    return Main.OK;
  }
}
