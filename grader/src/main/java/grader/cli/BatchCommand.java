package grader.cli;

import grader.batch.BatchInputException;
import grader.batch.BatchOptions;
import grader.batch.BatchResult;
import grader.batch.BatchRunner;
import grader.batch.JobsPolicy;
import grader.batch.ProgressListener;
import grader.batch.ShardSpec;
import grader.batch.StudentExport;
import grader.batch.SubmissionGrader;
import grader.grading.GradeRequest;
import grader.grading.GradingListener;
import grader.report.GradescopeReport;
import grader.report.Points;
import grader.rubric.ExerciseRubric;
import grader.scorecard.ExerciseResult;
import grader.scorecard.GraderInfo;
import grader.scorecard.TestResult;
import grader.sandbox.SandboxPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code batch <folder> --out <dir>}: grades every student's folder or zip in a folder, in
 * parallel, resumably, into per-student scorecards, summaries and a gradebook (see docs/BATCH.md).
 */
@picocli.CommandLine.Command(name = "batch",
    customSynopsis = "java -jar grader.jar batch <folder> --out <dir> [options]",
    description = {
        "Grades every student in <folder>: one subfolder, git checkout or .zip each (LMS downloads",
        "are fine: wrapper folders and name prefixes are handled). Writes <dir>/<student>/ with the",
        "scorecard, Gradescope's results.json, the grading log and a feedback page, and",
        "<dir>/summary.csv, summary.json and index.html (the gradebook). Run it again to resume:",
        "students whose results are up to date (same submission, grader, exercises and limits) are",
        "kept. Details: docs/BATCH.md."})
final class BatchCommand implements Command {
  @Parameters(paramLabel = "<folder>", arity = "0..*", hidden = true)
  private List<String> folders = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "where the results go (required; outside <folder>)")
  private String out;

  @Option(names = "--jobs", paramLabel = "N", description = "submissions graded at once (default: twice the cores, at most one per 2 GiB of memory;"
      + " here ${DEFAULT-VALUE})")
  private String jobs = Integer.toString(JobsPolicy.defaultJobs());

  @Option(names = "--force", description = "regrade everyone, even students whose results are up to date")
  private boolean force;

  @Option(names = "--only", paramLabel = "ID", split = ",",
      description = "regrade just these students (comma-separated ids), keep the others")
  private List<String> only = new ArrayList<>();

  @Option(names = "--shard", paramLabel = "I/N", description = "grade only shard I of N (1-based); combine shards with `merge`")
  private String shard;

  @Mixin
  private ExerciseSelection exercises;

  @Mixin
  private LimitsOption limits;

  @Mixin
  private RequireSandboxOption requireSandbox;

  @Override
  public String summary() {
    return "grade a folder of submissions (one folder or .zip per student) into a gradebook";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    BatchOptions options = options(context.environment());
    SandboxPolicy policy = limits.load(context.environment());
    String names = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!names.equalsIgnoreCase("UTF-8")) {
      // Ids come from folder names: decoded as ASCII, "Zoë" loses its ë and shards on UTF-8 machines disagree.
      context.err().println("grader: warning: file names are read as " + names + ", so non-ASCII names lose letters in"
          + " student ids; run with a UTF-8 locale (LANG=C.UTF-8) on every machine of a batch");
    }
    LogRouter logs = new LogRouter();
    Grading grading = context.graders().create(new EngineOptions(requireSandbox.required(), false, true, policy), logs,
        context.err());
    Set<String> selected = exercises.checked(grading.exerciseIds());
    LimitsOption.checkExercises(policy, grading.exerciseIds());
    SubmissionGrader grader = (submission, id, log) -> {
      logs.open(id, log);
      try {
        return grading.grade(new GradeRequest(submission, id, selected));
      } finally {
        logs.close(id);
      }
    };
    ProgressListener progress = new ProgressListener(context.out(), context.environment().terminal(),
        context.environment().columns(), System::nanoTime);
    BatchRunner runner = new BatchRunner(grader, fingerprint(grading, selected), grading.exerciseIds(),
        List.of(new StudentExport("results.json", new GradescopeReport()::render)), progress, System::nanoTime);
    BatchResult result;
    try {
      result = runner.run(options);
    } catch (BatchInputException e) {
      throw new UsageException(e.getMessage());
    }
    context.out().println("Summary:   " + result.out().resolve("summary.csv"));
    context.out().println("Gradebook: " + result.out().resolve("index.html"));
    return Main.OK;
  }

  /** The parsed options of the runner; every problem is a usage error that names the option. */
  BatchOptions options(CliEnvironment environment) throws UsageException {
    Path folder = environment.resolve(Options.single(folders,
        "missing the folder of submissions (one subfolder or .zip per student)",
        "one submissions folder at a time: got %s and %s"));
    Path dir = Options.required("--out <dir>", out, "where the scorecards, summary.csv and the gradebook go",
        environment);
    int parallel;
    try {
      parallel = Integer.parseInt(jobs.trim());
    } catch (NumberFormatException e) {
      parallel = 0;
    }
    if (parallel < 1 || parallel > 256) {
      throw new UsageException("--jobs must be a whole number from 1 to 256, was " + jobs);
    }
    ShardSpec shardSpec = ShardSpec.ALL;
    if (shard != null) {
      try {
        shardSpec = ShardSpec.parse(shard);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--shard: " + e.getMessage());
      }
    }
    Set<String> students = new LinkedHashSet<>();
    only.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(students::add);
    if (!only.isEmpty() && students.isEmpty()) {
      throw new UsageException("--only: expected a comma-separated list of student ids, got '" + String.join(",", only) + "'");
    }
    return new BatchOptions(folder, dir, parallel, force, students, shardSpec);
  }

  /**
   * Identifies what grades, so a rerun regrades when it changes: the engine's version, Java, suite
   * hash and limits, and the exercises asked for.
   */
  static String fingerprint(Grading grading, Set<String> exercises) {
    StringBuilder fingerprint = new StringBuilder();
    grading.info().ifPresent(info -> fingerprint.append(describe(info)).append(';'));
    fingerprint.append("exercises=").append(exercises.isEmpty() ? "all" : String.join(",", new java.util.TreeSet<>(exercises)));
    return fingerprint.toString();
  }

  private static String describe(GraderInfo info) {
    return "version=" + info.version() + ";java=" + info.java() + ";suite=" + info.suiteHash() + ";limits="
        + new TreeMap<>(info.limits());
  }

  /**
   * Sends the engine's progress of each submission to that submission's log: one engine listener
   * serves the whole batch, and every callback names its submission.
   */
  static final class LogRouter implements GradingListener {
    private final Map<String, Consumer<String>> logs = new ConcurrentHashMap<>();

    void open(String id, Consumer<String> log) {
      logs.put(id, log);
    }

    void close(String id) {
      logs.remove(id);
    }

    private void log(String id, String line) {
      Consumer<String> log = logs.get(id);
      if (log != null) {
        log.accept(line);
      }
    }

    @Override
    public void exerciseStarted(String submissionId, ExerciseRubric exercise) {
      log(submissionId, exercise.id() + ": started");
    }

    @Override
    public void testFinished(String submissionId, String exerciseId, TestResult result) {
      log(submissionId, exerciseId + ": " + result.id() + " " + result.status().id() + " ("
          + Points.format(result.score()) + "/" + Points.format(result.maxScore())
          + ", " + result.durationMs() + " ms)");
    }

    @Override
    public void exerciseFinished(String submissionId, ExerciseResult result) {
      log(submissionId, result.id() + ": " + result.status().id() + ", " + Points.format(result.score())
          + " / " + Points.format(result.maxScore())
          + (result.message() == null || result.message().isEmpty() ? "" : ": " + result.message()));
    }

    @Override
    public void note(String submissionId, String message) {
      log(submissionId, "note: " + message);
    }
  }
}
