package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.scorecard.TestStatus;
import org.junit.jupiter.api.Test;

class TerminalReportTests {

  @Test
  void plainTextMatchesTheGoldenFile() throws Exception {
    String report = new TerminalReport(false).render(SampleScorecards.mixed());

    Golden.assertMatches("terminal-plain.txt", report);
    assertFalse(report.contains("\u001b"), "no escape sequence in plain text, not even the student's");
  }

  @Test
  void colourMatchesTheGoldenFile() throws Exception {
    String report = new TerminalReport(true).render(SampleScorecards.mixed());

    Golden.assertMatches("terminal-colour.txt", report);
    assertTrue(report.contains("\u001b[32m✔\u001b[0m"));
  }

  @Test
  void colourIsTheOnlyDifference() {
    String plain = new TerminalReport(false).render(SampleScorecards.mixed());
    String colour = new TerminalReport(true).render(SampleScorecards.mixed());

    assertEquals(plain, colour.replaceAll("\u001b\\[[0-9;]*m", ""));
  }

  @Test
  void endsWithTheTotal() {
    String report = new TerminalReport(false).render(SampleScorecards.mixed());

    assertTrue(report.endsWith("\nTotal: 37.5 / 100\n"), report);
  }

  @Test
  void everyStatusHasItsSymbol() {
    assertEquals("✔", TerminalReport.symbol(TestStatus.PASSED));
    assertEquals("✘", TerminalReport.symbol(TestStatus.FAILED));
    assertEquals("⏱", TerminalReport.symbol(TestStatus.TIMED_OUT));
    assertEquals("✘", TerminalReport.symbol(TestStatus.ERROR));
    assertEquals("–", TerminalReport.symbol(TestStatus.NOT_RUN));
  }

  @Test
  void showsBytecodePolicyFindingsLikeCompileErrors() throws Exception {
    String report = new TerminalReport(false).render(SampleScorecards.policyRefusal());

    Golden.assertMatches("policy/terminal-plain.txt", report);
    assertTrue(report.contains("SleepyThreads.java:14: policy: java.lang.Class.forName is not allowed"), report);
  }

  @Test
  void aStudentBundlesReportSaysHowManyPointsAreHeldBack() {
    grader.scorecard.Scorecard mixed = SampleScorecards.mixed();
    java.util.List<grader.scorecard.ExerciseResult> exercises = new java.util.ArrayList<>(mixed.exercises());
    grader.scorecard.ExerciseResult first = exercises.get(0);
    exercises.set(0, new grader.scorecard.ExerciseResult(first.id(), first.title(), first.score(), first.maxScore(),
        first.status(), first.message(), first.diagnostics(), first.tests(), new java.math.BigDecimal("2.5")));
    grader.scorecard.Scorecard held = grader.scorecard.Scorecard.of(mixed.grader(), mixed.submission(),
        mixed.isolation(), mixed.durationMs(), exercises, mixed.warnings());

    assertTrue(new TerminalReport(false).render(held).endsWith(
        "\nHeld back: 2.5 more points are graded by hidden tests only your instructor's grader runs\n"));
    assertTrue(new MarkdownReport().render(held).contains("\nHeld back: 2.5 more points"));
    assertTrue(grader.scorecard.ScorecardJson.toJson(held).contains("\"held_back_points\" : 2.5"));
    assertFalse(new TerminalReport(false).render(mixed).contains("Held back"), "nothing held back, nothing said");
    assertFalse(grader.scorecard.ScorecardJson.toJson(mixed).contains("held_back"));
  }
}
