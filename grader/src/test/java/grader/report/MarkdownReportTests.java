package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MarkdownReportTests {

  @Test
  void matchesTheGoldenFile() throws Exception {
    String markdown = new MarkdownReport().render(SampleScorecards.mixed());

    Golden.assertMatches("report.md", markdown);
    assertFalse(markdown.contains("<script>"), "text from the run cannot inject HTML");
  }

  @Test
  void cellsCannotBreakTheTable() {
    assertEquals("a \\| b \\<i\\> c", MarkdownReport.cell("a | b <i>\nc"));
  }

  @Test
  void aFenceIsLongerThanAnyBackticksInside() {
    assertEquals("`````text\nx ```` y\n`````\n", MarkdownReport.fenced("x ```` y"));
  }

  @Test
  void showsBytecodePolicyFindingsLikeCompileErrors() throws Exception {
    String report = new MarkdownReport().render(SampleScorecards.policyRefusal());

    Golden.assertMatches("policy/report.md", report);
    assertTrue(report.contains("SleepyThreads.java:14: policy: java.lang.Class.forName is not allowed"), report);
  }
}
