package grader.run;

import grader.protocol.FinishedEvent;
import grader.protocol.ReportedStatus;
import java.util.Optional;

/**
 * Cross-checks one test result the child reported against what the parent knows itself, so a
 * harness the student's code has subverted (it runs in the same JVM) cannot simply say "passed".
 *
 * <p>The sealed channel proves a line came from the harness, not that the harness told the truth.
 * What the parent can check without trusting the child: a pass carries no failure message; a
 * duration is not negative and not longer than the parent has watched the JVM live; a pass is not
 * faster than the waits the test makes on purpose (the rubric's {@code min_ms}); a pass comes for
 * the test the harness said was running (the harness runs one test at a time and reports its start
 * first); and no test is reported twice. A result that fails a check earns nothing, and the
 * scorecard warns.
 */
final class ReportCheck {
  /**
   * Slack for "longer than the JVM lived": the parent's clock starts before the sandbox does, so
   * its figure is already the larger one; this covers clock granularity only, with room to spare.
   */
  static final long LIFETIME_SLACK_MS = 2_000;

  private ReportCheck() {}

  /**
   * Why {@code event} cannot be true, or empty if nothing contradicts it.
   *
   * @param wasRunning whether the harness had reported this test's start and no other test started since
   * @param jvmAliveMs how long the parent has watched this JVM (start to now)
   * @param minDurationMs the rubric's shortest possible pass, 0 if none
   */
  static Optional<String> contradiction(FinishedEvent event, boolean wasRunning, long jvmAliveMs, long minDurationMs) {
    long duration = event.durationMs();
    if (duration < 0) {
      return Optional.of("a negative duration (" + duration + " ms)");
    }
    if (duration > jvmAliveMs + LIFETIME_SLACK_MS) {
      return Optional.of("a duration of " + duration + " ms in a JVM that had run for only " + jvmAliveMs + " ms");
    }
    if (event.status() != ReportedStatus.PASSED) {
      return Optional.empty();
    }
    if (event.message() != null && !event.message().isBlank()) {
      return Optional.of("a pass that carries a failure message");
    }
    if (duration < minDurationMs) {
      return Optional.of("a pass after " + duration + " ms, although the test waits at least " + minDurationMs
          + " ms on purpose");
    }
    if (!wasRunning) {
      return Optional.of("a pass for a test whose start was not reported (out of order)");
    }
    return Optional.empty();
  }

  /** What the student reads instead of the contradicted result. */
  static String message(String contradiction) {
    return "No points: the grader's harness reported " + contradiction + ", which cannot be true, so this "
        + "result is not trusted. Code under test must not interfere with the grader (its threads, its output, "
        + "its files); if your code does not, please report this to your instructor.";
  }
}
