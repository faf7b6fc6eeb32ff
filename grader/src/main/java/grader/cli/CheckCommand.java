package grader.cli;

import grader.grading.GradeRequest;
import grader.report.TerminalReport;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code check}: what a student runs. Grades {@code ./exercises} exactly as an instructor's batch
 * would, shows live progress on a terminal, prints the report and writes {@code target/scorecard.json}.
 */
final class CheckCommand implements Command {

  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "grade your exercises/ folder and show the report (what students run)";
  }

  @Override
  public String usage() {
    return """
        Usage: java -jar grader.jar check [--exercise ID]... [--dir exercises] [--out target/scorecard.json]

        Grades your exercises exactly as your instructor's grader will, prints the report
        and writes the scorecard.

        Options:
          --exercise ID     grade only this exercise; repeatable (threads, processes, async, compare)
          --dir DIR         the folder to grade (default: exercises)
          --out FILE        where to write the scorecard (default: target/scorecard.json)
          --keep-work-dir   keep the private work folders and say where they are (debugging)
        """ + GradedByOptions.USAGE;
  }

  @Override
  public int run(List<String> arguments, CommandContext context) throws Exception {
    CheckOptions options = CheckOptions.parse(arguments, context.environment());
    if (!Files.isDirectory(options.dir())) {
      throw new UsageException("no folder " + options.dir() + " to grade: run check in the repository's root or pass --dir");
    }
    CliEnvironment environment = context.environment();
    TerminalReport report = new TerminalReport(environment.colour());
    LiveProgress listener = environment.terminal()
        ? LiveProgress.onTerminal(context.out(), environment.columns(), environment.colour())
        : LiveProgress.plain(context.out());
    Grading grading = context.graders().create(new EngineOptions(false, options.keepWorkDir(), false), listener,
        context.err());
    GradeCommand.checkExercises(options.exercises(), grading.exerciseIds());
    Scorecard scorecard;
    try {
      scorecard = grading.grade(new GradeRequest(options.dir(), GradeOptions.defaultId(options.dir()), options.exercises()));
    } finally {
      listener.clear();
    }
    scorecard = options.gradedBy().map(scorecard::withGradedBy).orElse(scorecard);
    ScorecardJson.write(scorecard, options.out());
    context.out().print(report.render(scorecard));
    Path shown = options.out().startsWith(environment.workingDirectory())
        ? environment.workingDirectory().relativize(options.out())
        : options.out();
    context.out().println("Scorecard: " + shown);
    Path page = HtmlReportFile.write(scorecard, options.out());
    context.out().println("Report with timelines: " + (environment.terminal() ? page.toUri() : shown.resolveSibling("report.html")));
    return Main.OK;
  }
}
