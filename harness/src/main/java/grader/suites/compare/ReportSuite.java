package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.fail;

import grader.suites.support.Feedback;
import grader.suites.support.Submission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * Exercise 4: {@code REPORT.md} holds the benchmark's table and at least 150 words on which model
 * was fastest, which slowest, and why.
 *
 * <p>Only the form is graded automatically, leniently: an honest report in plain English passes.
 * The rubric marks these tests for review, so a human reads the explanation itself.
 */
@DisplayName("Exercise 4 (compare): REPORT.md")
@Timeout(value = 30, threadMode = ThreadMode.SEPARATE_THREAD)
public class ReportSuite {

  private static final int MIN_WORDS = 150;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  static final Pattern FAST = Pattern.compile(
      "\\b(fast\\w*|quick\\w*|best|winner|won|wins|shortest|lowest|least time)\\b");
  static final Pattern SLOW = Pattern.compile(
      "\\b(slow\\w*|worst|loser|lost|longest|highest|most time)\\b");

  @Test
  @DisplayName("REPORT.md contains the benchmark table with numbers for threads, processes and async")
  public void reportHasTheBenchmarkTable(TestReporter reporter) throws IOException {
    String report = readReport();
    Map<String, BenchmarkTable.Row> rows = BenchmarkTable.rows(report);
    reporter.publishEntry("rows", rows.values().toString());
    if (rows.size() != BenchmarkTable.MODELS.size()) {
      fail(Feedback.of(
          "a Markdown table | model | median ms | min ms | max ms | with a row each for threads, processes "
              + "and async, each with three numbers",
          rows.isEmpty() ? "no such row in REPORT.md" : "rows only for " + rows.keySet(),
          "run DownloadBenchmark on a few URLs and paste the table it prints into REPORT.md."));
    }
    for (BenchmarkTable.Row row : rows.values()) {
      if (!row.ordered() || row.min() <= 0) {
        fail(Feedback.of("positive times with min <= median <= max in every row", "the row " + row,
            "paste the table exactly as DownloadBenchmark printed it."));
      }
    }
  }

  @Test
  @DisplayName("REPORT.md explains in at least 150 words which model was fastest, which slowest, and why")
  public void reportNamesTheFastestAndSlowestModel(TestReporter reporter) throws IOException {
    String report = readReport();
    String prose = BenchmarkTable.prose(report);
    int words = countWords(prose);
    reporter.publishEntry("words_outside_tables", Integer.toString(words));
    if (words < MIN_WORDS) {
      fail(Feedback.of(
          "at least " + MIN_WORDS + " words outside the table",
          words + " words",
          "explain which model was fastest, which was slowest, and why: thread and JVM start-up costs, "
              + "blocking versus non-blocking I/O, what the numbers would look like with larger files."));
    }
    List<String> sentences = sentences(prose);
    Map<String, BenchmarkTable.Row> rows = BenchmarkTable.rows(report);
    if (rows.size() == BenchmarkTable.MODELS.size()) {
      List<String> fastest = extremes(rows, true);
      List<String> slowest = extremes(rows, false);
      reporter.publishEntry("fastest_in_table", fastest.toString());
      reporter.publishEntry("slowest_in_table", slowest.toString());
      if (fastest.stream().noneMatch(model -> saysTogether(sentences, model, FAST))) {
        fail(Feedback.of(
            "a sentence that names " + String.join(" or ", fastest) + " as the fastest model (its median is the "
                + "lowest in your table)",
            "no sentence mentions " + String.join(" or ", fastest) + " together with fast, faster, fastest, "
                + "quickest or best",
            "say plainly which model was fastest in your measurements, and why."));
      }
      if (slowest.stream().noneMatch(model -> saysTogether(sentences, model, SLOW))) {
        fail(Feedback.of(
            "a sentence that names " + String.join(" or ", slowest) + " as the slowest model (its median is the "
                + "highest in your table)",
            "no sentence mentions " + String.join(" or ", slowest) + " together with slow, slower, slowest or "
                + "worst",
            "say plainly which model was slowest in your measurements, and why."));
      }
      return;
    }
    boolean namesFastest = BenchmarkTable.MODELS.stream().anyMatch(model -> saysTogether(sentences, model, FAST));
    boolean namesSlowest = BenchmarkTable.MODELS.stream().anyMatch(model -> saysTogether(sentences, model, SLOW));
    if (!namesFastest || !namesSlowest) {
      fail(Feedback.of(
          "sentences that name the fastest and the slowest of threads, processes and async",
          (namesFastest ? "" : "no model is called fast, faster or fastest; ")
              + (namesSlowest ? "" : "no model is called slow, slower or slowest"),
          "say plainly which model was fastest and which slowest in your measurements, and why."));
    }
  }

  private static String readReport() throws IOException {
    Optional<Path> report = Submission.report();
    if (report.isEmpty()) {
      return fail(Feedback.of("a file REPORT.md at the root of the submission (next to src/)",
          "there is none", "write your report in REPORT.md, in the same folder as src/."));
    }
    return Files.readString(report.get(), StandardCharsets.UTF_8);
  }

  static int countWords(String text) {
    String plain = text.replaceAll("(?s)<!--.*?-->", " ").replaceAll("\\]\\([^)]*\\)", "] ");
    Matcher matcher = WORD.matcher(plain);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** Sentences and lines (headings, list items), lower case. */
  static List<String> sentences(String prose) {
    List<String> sentences = new ArrayList<>();
    for (String part : prose.toLowerCase(Locale.ROOT).split("(?<=[.!?])\\s+|\\R")) {
      if (!part.isBlank()) {
        sentences.add(part);
      }
    }
    return sentences;
  }

  /** The models with the lowest ({@code lowest}) or highest median; ties all count. */
  private static List<String> extremes(Map<String, BenchmarkTable.Row> rows, boolean lowest) {
    Comparator<BenchmarkTable.Row> byMedian = Comparator.comparingDouble(BenchmarkTable.Row::median);
    BenchmarkTable.Row extreme = lowest
        ? rows.values().stream().min(byMedian).orElseThrow()
        : rows.values().stream().max(byMedian).orElseThrow();
    return rows.values().stream().filter(r -> r.median() == extreme.median()).map(BenchmarkTable.Row::model).toList();
  }

  /**
   * True if a sentence, or a sentence with the one after it (a heading and its paragraph, "Fastest:"
   * and the next line), names {@code model} and matches {@code judgement}.
   */
  static boolean saysTogether(List<String> sentences, String model, Pattern judgement) {
    Pattern name = Pattern.compile(stemOf(model));
    for (int i = 0; i < sentences.size(); i++) {
      String window = i + 1 < sentences.size() ? sentences.get(i) + " " + sentences.get(i + 1) : sentences.get(i);
      if (name.matcher(window).find() && judgement.matcher(window).find()) {
        return true;
      }
    }
    return false;
  }

  private static String stemOf(String model) {
    if (model.equals("threads")) {
      return "thread";
    }
    if (model.equals("processes")) {
      return "process";
    }
    return "async|asynchronous|sendasync|completablefuture";
  }
}
