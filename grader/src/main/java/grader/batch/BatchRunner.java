package grader.batch;

import grader.report.Points;
import grader.report.TerminalText;
import grader.scorecard.Scorecard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Grades a folder of submissions: discovers the students, grades this shard's share of them on
 * {@code jobs} threads, keeps every result in the student's own folder as soon as it is done, and
 * writes the summaries.
 *
 * <p>Resumable: a student whose folder holds a complete, graded result for the same input digest
 * and grader fingerprint is reused, not regraded (unless forced). Robust: whatever one grading
 * throws becomes that student's error row; the batch goes on.
 */
public final class BatchRunner {
  private final SubmissionGrader grader;
  private final String graderFingerprint;
  private final List<String> exerciseOrder;
  private final List<StudentExport> exports;
  private final BatchListener listener;
  private final LongSupplier nanoTime;

  /**
   * @param graderFingerprint identifies what grades (grader version, suite hash, exercises): a
   *     result graded under another fingerprint is regraded
   * @param exerciseOrder the order of the exercise columns in the summaries
   * @param exports extra files per graded student, e.g. Gradescope's results.json
   */
  public BatchRunner(
      SubmissionGrader grader,
      String graderFingerprint,
      List<String> exerciseOrder,
      List<StudentExport> exports,
      BatchListener listener,
      LongSupplier nanoTime) {
    this.grader = grader;
    this.graderFingerprint = graderFingerprint == null ? "" : graderFingerprint;
    this.exerciseOrder = List.copyOf(exerciseOrder);
    this.exports = List.copyOf(exports);
    this.listener = listener;
    this.nanoTime = nanoTime;
  }

  /**
   * Runs the batch.
   *
   * @throws BatchInputException if the options do not fit the folders (nothing was graded)
   * @throws IOException if the output cannot be written
   */
  public BatchResult run(BatchOptions requested) throws BatchInputException, IOException, InterruptedException {
    Path submissions = requested.submissions().toAbsolutePath().normalize();
    Path outDir = requested.out().toAbsolutePath().normalize();
    if (!Files.isDirectory(submissions)) {
      throw new BatchInputException("submissions folder " + requested.submissions() + " does not exist or is not a folder");
    }
    if (outDir.startsWith(submissions) || realOrNearest(outDir).startsWith(submissions.toRealPath())) {
      throw new BatchInputException("--out " + requested.out() + " is inside the submissions folder " + requested.submissions()
          + ": it would be taken for a student; choose a folder outside it");
    }
    SerialListener events = new SerialListener(listener);
    List<StudentSubmission> all = new SubmissionScanner(new StudentIdPolicy()).scan(submissions, events::noted);
    BatchOptions options = requested.withOnly(resolveOnly(requested.only(), all));
    List<StudentSubmission> mine = options.shard().select(all);
    BatchOutput output = new BatchOutput(outDir);
    Files.createDirectories(outDir);
    BatchManifest manifest = new BatchManifest(null, BatchManifest.listingSha256(all), all.size(),
        options.shard().toString(), mine.stream().map(StudentSubmission::id).toList());
    output.writeManifest(manifest);

    events.started(mine.size(), options.shard());
    Map<String, StudentOutcome> outcomes = new ConcurrentHashMap<>();
    AtomicInteger gradedNow = new AtomicInteger();
    AtomicInteger reused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), threads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (StudentSubmission submission : mine) {
        futures.add(pool.submit(() -> {
          Handled handled = handle(submission, options, output, events);
          outcomes.put(submission.id(), handled.outcome());
          (handled.reused() ? reused : gradedNow).incrementAndGet();
          events.studentFinished(handled.outcome(), handled.reused());
          return null;
        }));
      }
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          // handle() turns grading failures into rows; this is the batch's own I/O failing.
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("batch failed: " + cause, cause);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<StudentOutcome> ordered = mine.stream().map(s -> outcomes.get(s.id())).toList();
    BatchSummary summary = BatchSummary.of(ordered, exerciseOrder);
    output.writeSummary(summary);
    int errors = (int) summary.count(StudentStatus.ERROR);
    BatchResult result = new BatchResult(outDir, summary, gradedNow.get(), reused.get(), errors);
    events.finished(result);
    return result;
  }

  private record Handled(StudentOutcome outcome, boolean reused) {}

  private Handled handle(StudentSubmission submission, BatchOptions options, BatchOutput output, SerialListener events)
      throws IOException {
    StudentFolder folder = output.student(submission.id());
    boolean selected = options.only().isEmpty() || options.only().contains(submission.id());
    if (!selected) {
      return new Handled(folder.read().orElseGet(() -> StudentOutcome.pending(submission)), true);
    }
    String digest;
    try {
      digest = SubmissionDigest.of(submission.path());
    } catch (IOException | RuntimeException e) {
      digest = "";
    }
    boolean forced = options.force() || options.only().contains(submission.id());
    if (!forced && !digest.isEmpty()) {
      var existing = folder.read();
      if (existing.isPresent() && isCurrent(existing.get(), digest)) {
        return new Handled(existing.get(), true);
      }
    }
    events.studentStarted(submission.id());
    folder.beginGrading();
    StudentOutcome outcome;
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    log.add("student: " + submission.id());
    log.add("source: " + submission.source());
    log.add("graded: " + submission.path());
    log.add("input sha256: " + (digest.isEmpty() ? "(unreadable)" : digest));
    log.add("grader: " + graderFingerprint);
    long start = nanoTime.getAsLong();
    if (submission.problemIfAny().isPresent()) {
      log.add("error: " + submission.problem());
      outcome = StudentOutcome.error(submission, digest, graderFingerprint, submission.problem(), 0);
    } else {
      outcome = grade(submission, digest, log, start);
    }
    try {
      // The log is read with cat and less: nothing a student wrote may steer the terminal.
      folder.write(outcome, TerminalText.sanitize(String.join("\n", log)) + "\n", exports);
    } catch (IOException | RuntimeException e) {
      // The grading happened; only its files are missing. Keep the row, say why, let a rerun retry.
      outcome = StudentOutcome.error(submission, digest, graderFingerprint,
          "grading finished but its results could not be written to " + folder.dir() + ": " + e, outcome.entry().durationMs());
    }
    return new Handled(outcome, false);
  }

  private StudentOutcome grade(StudentSubmission submission, String digest, List<String> log, long start) {
    try {
      Scorecard scorecard = grader.grade(submission.path(), submission.id(), line -> log.add(line));
      long ms = (nanoTime.getAsLong() - start) / 1_000_000;
      if (scorecard == null) {
        log.add("error: the grader returned no scorecard");
        return StudentOutcome.error(submission, digest, graderFingerprint, "internal error: the grader returned no scorecard", ms);
      }
      if (!submission.id().equals(scorecard.submission().id())) {
        // The folder name is the student's id in every summary; keep the scorecard consistent with it.
        log.add("note: the scorecard said id '" + scorecard.submission().id() + "'; recorded as '" + submission.id() + "'");
        scorecard = new Scorecard(scorecard.schema(), scorecard.grader(),
            new grader.scorecard.SubmissionInfo(submission.id(), scorecard.submission().sha256()), scorecard.isolation(),
            scorecard.score(), scorecard.maxScore(), scorecard.durationMs(), scorecard.exercises(), scorecard.warnings());
      }
      scorecard.warnings().forEach(w -> log.add("warning: " + w));
      log.add("result: " + Points.format(scorecard.score()) + " / " + Points.format(scorecard.maxScore())
          + " in " + ms + " ms");
      return StudentOutcome.graded(submission, digest, graderFingerprint, scorecard, ms);
    } catch (Exception | StackOverflowError | LinkageError e) {
      long ms = (nanoTime.getAsLong() - start) / 1_000_000;
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      log.add("error: grading threw " + trace.toString().strip());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
      return StudentOutcome.error(submission, digest, graderFingerprint, "grading failed: " + message, ms);
    }
  }

  private boolean isCurrent(StudentOutcome existing, String digest) {
    return existing.status() == StudentStatus.GRADED
        && existing.entry().inputSha256().equals(digest)
        && existing.entry().graderFingerprint().equals(graderFingerprint);
  }

  /**
   * The ids that {@code --only} names: an exact id, or a name that derives to one (so {@code "Alice
   * Smith"} finds {@code alice-smith}).
   */
  private static Set<String> resolveOnly(Set<String> only, List<StudentSubmission> all) throws BatchInputException {
    Set<String> ids = new TreeSet<>();
    all.forEach(s -> ids.add(s.id()));
    Set<String> resolved = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    StudentIdPolicy policy = new StudentIdPolicy();
    for (String wanted : only) {
      if (ids.contains(wanted)) {
        resolved.add(wanted);
      } else if (ids.contains(policy.derive(wanted))) {
        resolved.add(policy.derive(wanted));
      } else {
        unknown.add(wanted);
      }
    }
    if (!unknown.isEmpty()) {
      List<String> known = all.stream().map(StudentSubmission::id).toList();
      StringBuilder message = new StringBuilder("--only names students that are not in the submissions folder: ")
          .append(String.join(", ", unknown)).append(". Known ids");
      message.append(known.size() > 20 ? " (first 20): " + String.join(", ", known.subList(0, 20)) : ": " + String.join(", ", known));
      throw new BatchInputException(message.toString());
    }
    return resolved;
  }

  /** The real path of {@code path}, or of its nearest existing ancestor joined with the rest. */
  private static Path realOrNearest(Path path) throws IOException {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "batch-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Serialises the listener calls of the grading threads. */
  private static final class SerialListener implements BatchListener {
    private final BatchListener delegate;

    SerialListener(BatchListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized void noted(String line) {
      delegate.noted(line);
    }

    @Override
    public synchronized void started(int total, ShardSpec shard) {
      delegate.started(total, shard);
    }

    @Override
    public synchronized void studentStarted(String id) {
      delegate.studentStarted(id);
    }

    @Override
    public synchronized void studentFinished(StudentOutcome outcome, boolean reused) {
      delegate.studentFinished(outcome, reused);
    }

    @Override
    public synchronized void finished(BatchResult result) {
      delegate.finished(result);
    }
  }
}
