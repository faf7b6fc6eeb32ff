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
import grader.sandbox.SandboxPolicy;
import grader.scorecard.GradedBy;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code grade <submission> --out <scorecard.json>}: grades one folder or zip, writes the scorecard and exports. */
@picocli.CommandLine.Command(name = "grade",
    customSynopsis = "java -jar grader.jar grade <submission> --out <scorecard.json> [options]",
    description = {
        "Grades one submission: a folder shaped like exercises/ (src/main/java/exercises/...",
        "and REPORT.md) or a .zip of one. Prints the report and writes the scorecard."})
final class GradeCommand implements Command {
  @Parameters(paramLabel = "<submission>", arity = "0..*", hidden = true)
  private List<String> submissions = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "write the scorecard (JSON) here (required)")
  private String out;

  @Mixin
  private ExerciseSelection exercises;

  @Option(names = "--id", paramLabel = "NAME",
      description = "the submission's name in the scorecard (default: folder or zip name)")
  private String id;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write JUnit XML, for CI test reports")
  private String junitXml;

  @Option(names = "--markdown", paramLabel = "FILE", description = "also write a Markdown summary, for CI job summaries")
  private String markdown;

  @Option(names = "--gradescope", paramLabel = "FILE", description = "also write Gradescope's results.json")
  private String gradescope;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the HTML report with each test's timeline picture")
  private String html;

  @Mixin
  private LimitsOption limits;

  @Mixin
  private RequireSandboxOption requireSandbox;

  @Option(names = "--require-full-marks",
      description = "exit with status 3 unless the score is full marks (reference solutions)")
  private boolean requireFullMarks;

  @Mixin
  private KeepWorkDirOption keepWorkDir;

  @Mixin
  private GradedByOptions gradedBy;

  @Override
  public String summary() {
    return "grade one submission (a folder or a .zip) into a scorecard";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    CliEnvironment environment = context.environment();
    Path submission = environment.resolve(Options.single(submissions,
        "missing the submission to grade (a folder or a .zip)",
        "one submission at a time: got %s and %s (to grade many, use batch)"));
    Path scorecardFile = Options.required("--out <scorecard.json>", out, "where to write the scorecard", environment);
    String submissionId = id != null ? id : defaultId(submission);
    Optional<Path> junitXmlFile = optionalPath("--junit-xml", junitXml, environment);
    Optional<Path> markdownFile = optionalPath("--markdown", markdown, environment);
    Optional<Path> gradescopeFile = optionalPath("--gradescope", gradescope, environment);
    Optional<Path> htmlFile = optionalPath("--html", html, environment);
    Optional<GradedBy> by = gradedBy.build(Main.version());
    SandboxPolicy policy = limits.load(environment);
    Grading grading = context.graders().create(
        new EngineOptions(requireSandbox.required(), keepWorkDir.keep(), true, policy), GradingListener.NONE,
        context.err());
    Set<String> selected = exercises.checked(grading.exerciseIds());
    LimitsOption.checkExercises(policy, grading.exerciseIds());
    Scorecard graded = grading.grade(new GradeRequest(submission, submissionId, selected));
    Scorecard scorecard = by.map(graded::withGradedBy).orElse(graded);
    ScorecardJson.write(scorecard, scorecardFile);
    write(junitXmlFile, new JUnitXmlReport().render(scorecard));
    write(markdownFile, new MarkdownReport().render(scorecard));
    write(gradescopeFile, new GradescopeReport().render(scorecard));
    write(htmlFile, new HtmlReport().render(scorecard));
    context.out().print(new TerminalReport(environment.colour()).render(scorecard));
    context.out().println("Scorecard: " + scorecardFile);
    if (requireFullMarks && !scorecard.isFullMarks()) {
      context.err().println("grader: " + submissionId + " scored " + Points.format(scorecard.score()) + " of "
          + Points.format(scorecard.maxScore()) + " (--require-full-marks)");
      return Main.BELOW_FULL_MARKS;
    }
    return Main.OK;
  }

  /** The folder or zip name, without {@code .zip}. */
  static String defaultId(Path submission) {
    Path name = submission.getFileName();
    String id = name == null ? "submission" : name.toString();
    return id.toLowerCase(Locale.ROOT).endsWith(".zip") ? id.substring(0, id.length() - 4) : id;
  }

  private static Optional<Path> optionalPath(String option, String value, CliEnvironment environment)
      throws UsageException {
    return value == null ? Optional.empty() : Optional.of(Options.path(option, value, environment));
  }

  private static void write(Optional<Path> file, String content) throws IOException {
    if (file.isPresent()) {
      AtomicFileWriter.write(file.get(), content);
    }
  }
}
