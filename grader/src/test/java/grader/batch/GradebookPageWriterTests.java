package grader.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GradebookPageWriterTests {
  private static StudentOutcome graded(String id, String verdicts) {
    return StudentOutcome.graded(new StudentSubmission(id, id, Path.of(id), null), "in", "fp", FakeGrader.scorecard(id, verdicts), 1);
  }

  private static BatchSummary summary() {
    return BatchSummary.of(List.of(
        graded("alice", BatchFolders.FULL),
        graded("bob", BatchFolders.HALF),
        graded("eve", BatchFolders.verdicts("threads overlap failed", "threads order failed", "async fast failed")),
        StudentOutcome.error(new StudentSubmission("mallory", "<img src=x onerror=alert(1)>.zip", Path.of("m"), null), "in", "fp",
            "not a readable zip archive: '<img src=x onerror=alert(1)>.zip'", 0)),
        List.of("threads", "async"));
  }

  @Test
  void binsPutFullMarksInTheLastBinAndEveryTotalSomewhere() {
    int[] bins = GradebookPageWriter.bins(
        List.of(new BigDecimal("0"), new BigDecimal("9.99"), new BigDecimal("10"), new BigDecimal("55"), new BigDecimal("100")),
        new BigDecimal("100"));
    assertArrayEquals(new int[] {2, 1, 0, 0, 0, 1, 0, 0, 0, 1}, bins);
  }

  @Test
  void isSelfContainedAndEscapesEverythingFromSubmissions() {
    String html = new GradebookPageWriter().render(summary());

    assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(), "nothing fetched");
    assertFalse(html.contains("<link"), "no external stylesheet");
    assertFalse(html.contains("<img src=x"), "names from submissions are escaped");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "and still shown");
    assertTrue(html.contains("Content-Security-Policy"), "a CSP forbids fetching anything");
  }

  @Test
  void showsTheHistogramRatesAndOneRowPerStudentLinkingToTheirPage() {
    String html = new GradebookPageWriter().render(summary());

    assertEquals(10, count(html, "<g class=\"bin\""));
    assertTrue(html.contains("data-count=\"1\""));
    assertEquals(3, count(html, "<g class=\"test\""), "overlap, order, fast");
    assertTrue(html.contains("data-test=\"overlap\" data-passed=\"1\" data-total=\"3\""), html);
    assertTrue(html.contains("data-test=\"order\" data-passed=\"2\" data-total=\"3\""), html);
    assertEquals(4, count(html, "<tr class=\"row-"));
    assertTrue(html.contains("<a href=\"alice/index.html\">alice</a>"));
    assertTrue(html.contains("<tr class=\"row-error\" data-id=\"mallory\">"));
  }

  @Test
  void studentPageShowsFeedbackAndWhatGradedIt() {
    StudentOutcome bob = graded("bob", BatchFolders.HALF);
    String html = new StudentPageWriter().render(bob, "grading log line <b>\n");

    assertTrue(html.contains("expected 5 sleepers at once, observed 1; hint: start all threads before joining"));
    assertTrue(html.contains("data-test=\"overlap\" data-status=\"failed\""));
    assertTrue(html.contains("0.1.0-test") && html.contains("suite-abc123") && html.contains("heap=256m, wall=120s"));
    assertTrue(html.contains("grading log line &lt;b&gt;"));
    assertTrue(html.contains("href=\"../index.html\""));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
