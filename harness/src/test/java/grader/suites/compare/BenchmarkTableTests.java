package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkTableTests {

  @Test
  void readsTheTableDownloadBenchmarkPrints() {
    String printed = """
        | model | median ms | min ms | max ms |
        |---|---:|---:|---:|
        | threads | 187 | 182 | 188 |
        | processes | 3112 | 3074 | 3231 |
        | async | 173 | 168 | 189 |
        """;
    Map<String, BenchmarkTable.Row> rows = BenchmarkTable.rows(printed);
    assertEquals(List.of("threads", "processes", "async"), List.copyOf(rows.keySet()));
    assertEquals(new BenchmarkTable.Row("processes", 3112, 3074, 3231), rows.get("processes"));
    assertTrue(rows.values().stream().allMatch(BenchmarkTable.Row::ordered));
  }

  @Test
  void followsAHeaderInAnotherOrderAndToleratesDecoration() {
    String report = """
        Some words first.

        | Model | Min (ms) | Max (ms) | Median (ms) |
        | :--- | ---: | ---: | ---: |
        | **Threads** | 1,182 ms | 1,388 ms | 1,187.5 ms |
        | `processes` | 3074 | 3231 | 3112 |
        | Async | 168 | 189 | 173 |
        """;
    Map<String, BenchmarkTable.Row> rows = BenchmarkTable.rows(report);
    assertEquals(new BenchmarkTable.Row("threads", 1187.5, 1182, 1388), rows.get("threads"));
    assertEquals(new BenchmarkTable.Row("async", 173, 168, 189), rows.get("async"));
  }

  @Test
  void aRowNeedsThreeNumbers() {
    String report = """
        | model | median ms | min ms | max ms |
        | threads | fast | 1 | 2 |
        | processes | 10 | 9 |
        | async | 5 | 4 | 6 |
        """;
    assertEquals(List.of("async"), List.copyOf(BenchmarkTable.rows(report).keySet()));
  }

  @Test
  void unorderedRowsAreReportedAsSuch() {
    assertFalse(new BenchmarkTable.Row("threads", 5, 6, 7).ordered());
  }

  @Test
  void proseLeavesTablesOut() {
    String report = "Intro line.\n| threads | 1 | 1 | 1 |\nClosing line.";
    assertEquals("Intro line.\nClosing line.", BenchmarkTable.prose(report));
  }

  @Test
  void countsWordsAndSplitsSentences() {
    assertEquals(6, ReportSuite.countWords("Async was the **fastest** (173 ms)."));
    assertEquals(List.of("async won.", "processes were slowest!", "- threads: close, 3.5 ms"),
        ReportSuite.sentences("Async won. Processes were slowest!\n- Threads: close, 3.5 ms"));
  }

  @Test
  void findsAModelCalledFastestInASentenceOrUnderAHeading() {
    List<String> sentences = ReportSuite.sentences("""
        ## Fastest
        Async, by a few milliseconds.

        Threads were close. Processes were by far the slowest; JVM start-up dominates.
        """);
    assertTrue(ReportSuite.saysTogether(sentences, "async", ReportSuite.FAST));
    assertTrue(ReportSuite.saysTogether(sentences, "processes", ReportSuite.SLOW));
    assertFalse(ReportSuite.saysTogether(List.of("threads were quick.", "x", "async was fine."), "async",
        ReportSuite.FAST));
  }
}
