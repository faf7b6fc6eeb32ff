package grader.batch;

import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GraderInfo;
import grader.scorecard.Isolation;
import grader.scorecard.Scorecard;
import grader.scorecard.SubmissionInfo;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.ZipFile;

/**
 * A stand-in for the grading engine: reads the verdicts to report from {@code verdicts.txt} in
 * the submission (a folder or a zip), one {@code <exercise> <test> <status>} per line, or {@code
 * throw <message>} to fail, or {@code compile_error <exercise>}. Counts its gradings per id.
 */
final class FakeGrader implements SubmissionGrader {
  static final GraderInfo INFO = new GraderInfo("0.1.0-test", "17.0.15", "suite-abc123", Map.of("heap", "256m", "wall", "120s"));
  final Map<String, AtomicInteger> gradings = new ConcurrentHashMap<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private final long sleepMillis;

  FakeGrader() {
    this(0);
  }

  FakeGrader(long sleepMillis) {
    this.sleepMillis = sleepMillis;
  }

  int total() {
    return gradings.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int count(String id) {
    AtomicInteger n = gradings.get(id);
    return n == null ? 0 : n.get();
  }

  @Override
  public Scorecard grade(Path submission, String submissionId, Consumer<String> log) throws Exception {
    gradings.computeIfAbsent(submissionId, k -> new AtomicInteger()).incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (sleepMillis > 0) {
        Thread.sleep(sleepMillis);
      }
      log.accept("fake grader: grading " + submissionId);
      return scorecard(submissionId, verdicts(submission));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static String verdicts(Path submission) throws IOException {
    if (Files.isDirectory(submission)) {
      Path file = submission.resolve("verdicts.txt");
      if (!Files.exists(file)) {
        throw new IllegalStateException("no verdicts.txt in " + submission.getFileName());
      }
      return Files.readString(file);
    }
    try (ZipFile zip = new ZipFile(submission.toFile())) {
      var entry = zip.stream().filter(e -> e.getName().endsWith("verdicts.txt")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no verdicts.txt in the zip"));
      return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Scorecard scorecard(String id, String verdicts) {
    Map<String, List<TestResult>> tests = new LinkedHashMap<>();
    Map<String, ExerciseStatus> statuses = new LinkedHashMap<>();
    for (String line : verdicts.split("\n")) {
      String[] parts = line.trim().split("\\s+", 3);
      if (parts[0].isEmpty()) {
        continue;
      }
      if (parts[0].equals("throw")) {
        throw new IllegalStateException(parts.length > 1 ? line.trim().substring(6) : "boom");
      }
      if (parts[0].equals("compile_error")) {
        statuses.put(parts[1], ExerciseStatus.COMPILE_ERROR);
        tests.computeIfAbsent(parts[1], k -> new ArrayList<>());
        continue;
      }
      TestStatus status = TestStatus.valueOf(parts[2].toUpperCase(java.util.Locale.ROOT));
      BigDecimal max = BigDecimal.valueOf(5);
      tests.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new TestResult(parts[1], "test " + parts[1] + ", with \"quotes\" <b>",
          status, status == TestStatus.PASSED ? max : BigDecimal.ZERO, max,
          status == TestStatus.PASSED ? "" : "expected 5 sleepers at once, observed 1; hint: start all threads before joining",
          12, Map.of("max_concurrent", status == TestStatus.PASSED ? "5" : "1"), "", false));
    }
    List<ExerciseResult> exercises = new ArrayList<>();
    for (Map.Entry<String, List<TestResult>> e : tests.entrySet()) {
      ExerciseStatus status = statuses.getOrDefault(e.getKey(), ExerciseStatus.GRADED);
      BigDecimal score = e.getValue().stream().map(TestResult::score).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal max = status == ExerciseStatus.GRADED
          ? e.getValue().stream().map(TestResult::maxScore).reduce(BigDecimal.ZERO, BigDecimal::add)
          : BigDecimal.valueOf(25);
      exercises.add(new ExerciseResult(e.getKey(), "Title of " + e.getKey(), score, max, status,
          status == ExerciseStatus.GRADED ? "" : "does not compile", List.of(), e.getValue()));
    }
    return Scorecard.of(INFO, new SubmissionInfo(id, "sha-" + id), Isolation.PROCESS, 1234, exercises, List.of());
  }
}
