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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@code batch <folder> --out <dir>}: grades every student's folder or zip in a folder, in
 * parallel, resumably, into per-student scorecards, summaries and a gradebook (see docs/BATCH.md).
 */
final class BatchCommand implements Command {

  @Override
  public String name() {
    return "batch";
  }

  @Override
  public String summary() {
    return "grade a folder of submissions (one folder or .zip per student) into a gradebook";
  }

  @Override
  public String usage() {
    return """
        Usage: java -jar grader.jar batch <folder> --out <dir> [options]

        Grades every student in <folder>: one subfolder, git checkout or .zip each (LMS downloads
        are fine: wrapper folders and name prefixes are handled). Writes <dir>/<student>/ with the
        scorecard, Gradescope's results.json, the grading log and a feedback page, and
        <dir>/summary.csv, summary.json and index.html (the gradebook). Run it again to resume:
        students whose results are up to date are kept. Details: docs/BATCH.md.

        Options:
          --out DIR            where the results go (required; outside <folder>)
          --jobs N             submissions graded at once (default: half the cores, at most one
                               per 2 GiB of memory; here %d)
          --force              regrade everyone, even students whose results are up to date
          --only IDS           regrade just these students (comma-separated ids), keep the others
          --shard I/N          grade only shard I of N (1-based); combine shards with `merge`
          --exercise ID        grade only this exercise; repeatable (threads, processes, async, compare)
          --require-sandbox    fail instead of running student code without the bubblewrap sandbox
        """.formatted(JobsPolicy.defaultJobs());
  }

  @Override
  public int run(List<String> arguments, CommandContext context) throws Exception {
    Parsed parsed = parse(arguments, context.environment());
    String names = System.getProperty("sun.jnu.encoding", "UTF-8");
    if (!names.equalsIgnoreCase("UTF-8")) {
      // Ids come from folder names: decoded as ASCII, "Zoë" loses its ë and shards on UTF-8 machines disagree.
      context.err().println("grader: warning: file names are read as " + names + ", so non-ASCII names lose letters in"
          + " student ids; run with a UTF-8 locale (LANG=C.UTF-8) on every machine of a batch");
    }
    LogRouter logs = new LogRouter();
    Grading grading = context.graders().create(new EngineOptions(parsed.requireSandbox(), false, true), logs, context.err());
    GradeCommand.checkExercises(parsed.exercises(), grading.exerciseIds());
    SubmissionGrader grader = (submission, id, log) -> {
      logs.open(id, log);
      try {
        return grading.grade(new GradeRequest(submission, id, parsed.exercises()));
      } finally {
        logs.close(id);
      }
    };
    ProgressListener progress = new ProgressListener(context.out(), context.environment().terminal(),
        context.environment().columns(), System::nanoTime);
    BatchRunner runner = new BatchRunner(grader, fingerprint(grading, parsed.exercises()), grading.exerciseIds(),
        List.of(new StudentExport("results.json", new GradescopeReport()::render)), progress, System::nanoTime);
    BatchResult result;
    try {
      result = runner.run(parsed.options());
    } catch (BatchInputException e) {
      throw new UsageException(e.getMessage());
    }
    context.out().println("Summary:   " + result.out().resolve("summary.csv"));
    context.out().println("Gradebook: " + result.out().resolve("index.html"));
    return Main.OK;
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

  record Parsed(BatchOptions options, Set<String> exercises, boolean requireSandbox) {}

  static Parsed parse(List<String> arguments, CliEnvironment environment) throws UsageException {
    ArgumentReader reader = new ArgumentReader(arguments);
    String folder = null;
    String out = null;
    Integer jobs = null;
    boolean force = false;
    Set<String> only = new LinkedHashSet<>();
    ShardSpec shard = ShardSpec.ALL;
    Set<String> exercises = new LinkedHashSet<>();
    boolean requireSandbox = false;
    while (reader.hasNext()) {
      String argument = reader.next();
      switch (argument) {
        case "--out":
          out = reader.value();
          break;
        case "--jobs":
          String value = reader.value();
          try {
            jobs = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            jobs = 0;
          }
          if (jobs < 1 || jobs > 256) {
            throw new UsageException("--jobs must be a whole number from 1 to 256, was " + value);
          }
          break;
        case "--force":
          reader.noValue();
          force = true;
          break;
        case "--only":
          only.addAll(list(reader.value()));
          break;
        case "--shard":
          try {
            shard = ShardSpec.parse(reader.value());
          } catch (IllegalArgumentException e) {
            throw new UsageException("--shard: " + e.getMessage());
          }
          break;
        case "--exercise":
          exercises.addAll(list(reader.value()));
          break;
        case "--require-sandbox":
          reader.noValue();
          requireSandbox = true;
          break;
        default:
          if (ArgumentReader.isOption(argument)) {
            throw ArgumentReader.unknown(argument);
          }
          if (folder != null) {
            throw new UsageException("one submissions folder at a time: got " + folder + " and " + argument);
          }
          folder = argument;
      }
    }
    if (folder == null) {
      throw new UsageException("missing the folder of submissions (one subfolder or .zip per student)");
    }
    if (out == null) {
      throw new UsageException("missing --out <dir>: where the scorecards, summary.csv and the gradebook go");
    }
    BatchOptions options = new BatchOptions(environment.resolve(folder), environment.resolve(out),
        jobs == null ? JobsPolicy.defaultJobs() : jobs, force, only, shard);
    return new Parsed(options, Set.copyOf(exercises), requireSandbox);
  }

  private static List<String> list(String value) throws UsageException {
    List<String> items = java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (items.isEmpty()) {
      throw new UsageException("expected a comma-separated list, got '" + value + "'");
    }
    return items;
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
