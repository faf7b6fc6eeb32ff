package grader.cli;

import grader.batch.AtomicFileWriter;
import grader.grading.GradeRequest;
import grader.grading.GradingListener;
import grader.report.GradescopeReport;
import grader.report.JUnitXmlReport;
import grader.report.HtmlReport;
import grader.report.MarkdownReport;
import grader.report.Points;
import grader.report.TerminalReport;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code grade <submission> --out <scorecard.json>}: grades one folder or zip, writes the scorecard and exports. */
final class GradeCommand implements Command {

  @Override
  public String name() {
    return "grade";
  }

  @Override
  public String summary() {
    return "grade one submission (a folder or a .zip) into a scorecard";
  }

  @Override
  public String usage() {
    return """
        Usage: java -jar grader.jar grade <submission> --out <scorecard.json> [options]

        Grades one submission: a folder shaped like exercises/ (src/main/java/exercises/...
        and REPORT.md) or a .zip of one. Prints the report and writes the scorecard.

        Options:
          --out FILE             write the scorecard (JSON) here (required)
          --exercise ID          grade only this exercise; repeatable (threads, processes, async, compare)
          --id NAME              the submission's name in the scorecard (default: folder or zip name)
          --junit-xml FILE       also write JUnit XML, for CI test reports
          --markdown FILE        also write a Markdown summary, for CI job summaries
          --gradescope FILE      also write Gradescope's results.json
          --html FILE            also write the HTML report with each test's timeline picture
          --require-sandbox      fail instead of running student code without the bubblewrap sandbox
          --require-full-marks   exit with status 3 unless the score is full marks (reference solutions)
          --keep-work-dir        keep the private work folders and say where they are (debugging)
        """ + GradedByOptions.USAGE;
  }

  @Override
  public int run(List<String> arguments, CommandContext context) throws Exception {
    GradeOptions options = GradeOptions.parse(arguments, context.environment());
    Grading grading = context.graders().create(
        new EngineOptions(options.requireSandbox(), options.keepWorkDir(), true), GradingListener.NONE, context.err());
    checkExercises(options.exercises(), grading.exerciseIds());
    Scorecard graded = grading.grade(new GradeRequest(options.submission(), options.id(), options.exercises()));
    Scorecard scorecard = options.gradedBy().map(graded::withGradedBy).orElse(graded);
    ScorecardJson.write(scorecard, options.out());
    write(options.junitXml(), new JUnitXmlReport().render(scorecard));
    write(options.markdown(), new MarkdownReport().render(scorecard));
    write(options.gradescope(), new GradescopeReport().render(scorecard));
    write(options.html(), new HtmlReport().render(scorecard));
    context.out().print(new TerminalReport(context.environment().colour()).render(scorecard));
    context.out().println("Scorecard: " + options.out());
    if (options.requireFullMarks() && !scorecard.isFullMarks()) {
      context.err().println("grader: " + options.id() + " scored " + Points.format(scorecard.score()) + " of "
          + Points.format(scorecard.maxScore()) + " (--require-full-marks)");
      return Main.BELOW_FULL_MARKS;
    }
    return Main.OK;
  }

  /** An unknown exercise id is a usage error, caught before any grading starts. */
  static void checkExercises(Set<String> requested, List<String> known) throws UsageException {
    for (String id : requested) {
      if (!known.contains(id)) {
        throw new UsageException("unknown exercise " + id + " (known: " + String.join(", ", known) + ")");
      }
    }
  }

  private static void write(Optional<Path> file, String content) throws IOException {
    if (file.isPresent()) {
      AtomicFileWriter.write(file.get(), content);
    }
  }
}
