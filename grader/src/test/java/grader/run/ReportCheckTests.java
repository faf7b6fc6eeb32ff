package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.protocol.FinishedEvent;
import grader.protocol.ReportedStatus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the parent refuses to believe of a sealed result, and what it lets through. */
class ReportCheckTests {

  private static FinishedEvent finished(ReportedStatus status, String message, long durationMs) {
    return new FinishedEvent(3, "sleepsOverlap", status, message, durationMs, Map.of(), "", null);
  }

  @Test
  void anOrdinaryPassOrFailureIsBelieved() {
    assertEquals(Optional.empty(), ReportCheck.contradiction(finished(ReportedStatus.PASSED, null, 400), true, 5_000, 250));
    assertEquals(Optional.empty(), ReportCheck.contradiction(finished(ReportedStatus.PASSED, "", 400), true, 5_000, 0));
    assertEquals(Optional.empty(),
        ReportCheck.contradiction(finished(ReportedStatus.FAILED, "Expected: x", 10), true, 5_000, 250));
    // A skipped test, or one whose set-up failed, finishes without having started.
    assertEquals(Optional.empty(),
        ReportCheck.contradiction(finished(ReportedStatus.SKIPPED, "skipped", 0), false, 5_000, 250));
  }

  @Test
  void aPassWithAFailureMessageIsNotBelieved() {
    assertEquals(Optional.of("a pass that carries a failure message"),
        ReportCheck.contradiction(finished(ReportedStatus.PASSED, "Expected: 5 Observed: 1", 400), true, 5_000, 0));
  }

  @Test
  void durationsThatCannotBeAreNotBelieved() {
    assertEquals(Optional.of("a negative duration (-1 ms)"),
        ReportCheck.contradiction(finished(ReportedStatus.FAILED, "x", -1), true, 5_000, 0));
    assertEquals(Optional.of("a duration of 60000 ms in a JVM that had run for only 5000 ms"),
        ReportCheck.contradiction(finished(ReportedStatus.PASSED, null, 60_000), true, 5_000, 0));
    // Within the slack: the child's clock and the parent's differ by scheduling only.
    assertEquals(Optional.empty(), ReportCheck.contradiction(finished(ReportedStatus.PASSED, null, 5_500), true, 5_000, 0));
  }

  @Test
  void aPassFasterThanTheTestsOwnWaitsIsNotBelieved() {
    assertEquals(Optional.of("a pass after 12 ms, although the test waits at least 900 ms on purpose"),
        ReportCheck.contradiction(finished(ReportedStatus.PASSED, null, 12), true, 5_000, 900));
    // A failure may be quick: the student's code can fail at once.
    assertEquals(Optional.empty(), ReportCheck.contradiction(finished(ReportedStatus.FAILED, "x", 12), true, 5_000, 900));
  }

  @Test
  void aPassForATestThatWasNotRunningIsNotBelieved() {
    assertEquals(Optional.of("a pass for a test whose start was not reported (out of order)"),
        ReportCheck.contradiction(finished(ReportedStatus.PASSED, null, 400), false, 5_000, 0));
  }

  @Test
  void theStudentReadsThatTheResultWasNotTrusted() {
    String message = ReportCheck.message("a pass that carries a failure message");
    assertTrue(message.startsWith("No points: the grader's harness reported a pass that carries a failure message"),
        message);
  }
}
