package grader.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.protocol.ReportedStatus;
import grader.suites.support.StudentCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class FailureFeedbackTests {
  @TempDir Path classes;
  private FailureFeedback feedback;

  @BeforeEach
  void studentOwnsExercisesThreads() throws Exception {
    Files.createDirectories(classes.resolve("exercises/threads"));
    Files.write(classes.resolve("exercises/threads/SleepyThreads.class"), new byte[0]);
    feedback = new FailureFeedback(StudentCode.in(classes), () -> "Threads running your code at that moment: none");
  }

  private static StackTraceElement frame(String type, String method, int line) {
    return new StackTraceElement(type, method, type.substring(type.lastIndexOf('.') + 1) + ".java", line);
  }

  @Test
  void anAssertionIsTheSuitesFeedbackAsIs() {
    FailureFeedback.Verdict verdict = feedback.judge(new AssertionFailedError("Expected: 5\nObserved: 1\nHint: h"), 1000);
    assertEquals(new FailureFeedback.Verdict(ReportedStatus.FAILED, "Expected: 5\nObserved: 1\nHint: h"), verdict);
  }

  @Test
  void aJUnitTimeoutGetsTheThreadReport() {
    FailureFeedback.Verdict verdict = feedback.judge(new TimeoutException("sleeps() timed out after 60 seconds"), 60_000);
    assertEquals(ReportedStatus.TIMED_OUT, verdict.status());
    assertEquals("Expected: the test to finish within 60 s.\nObserved: it was still running after 60 s. Threads running"
        + " your code at that moment: none\nHint: look for a loop that never ends, a join(), get() or await() that"
        + " waits for something that never happens, or two locks taken in different orders.", verdict.message());
  }

  @Test
  void aStudentExceptionPointsAtTheFirstLineInTheirCode() {
    RuntimeException inner = new IllegalArgumentException("count must be >= 1");
    inner.setStackTrace(new StackTraceElement[] {
        frame("java.util.Objects", "checkIndex", 10),
        frame("exercises.threads.SleepyThreads", "validate", 40),
        frame("exercises.threads.SleepyThreads", "run", 12),
        frame("grader.suites.threads.SleepyThreadsSuite", "rejects", 99)});
    CompletionException outer = new CompletionException(inner);
    outer.setStackTrace(new StackTraceElement[] {frame("java.util.concurrent.CompletableFuture", "join", 1)});
    FailureFeedback.Verdict verdict = feedback.judge(outer, 1000);
    assertEquals(ReportedStatus.ERROR, verdict.status());
    assertEquals("Your code threw java.lang.IllegalArgumentException: count must be >= 1\n"
        + "    at exercises.threads.SleepyThreads.validate(SleepyThreads.java:40)   <- first line in your code\n"
        + "    at exercises.threads.SleepyThreads.run(SleepyThreads.java:12)", verdict.message());
  }

  @Test
  void anExceptionOutsideTheStudentsCodeShowsTrimmedFrames() {
    RuntimeException e = new IllegalStateException("port in use");
    e.setStackTrace(new StackTraceElement[] {
        frame("java.net.ServerSocket", "bind", 1),
        frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", 2),
        frame("org.junit.platform.commons.util.ReflectionUtils", "invoke", 3)});
    FailureFeedback.Verdict verdict = feedback.judge(e, 1000);
    assertEquals("The test failed with java.lang.IllegalStateException: port in use\n"
        + "    at java.net.ServerSocket.bind(ServerSocket.java:1)", verdict.message());
  }

  @Test
  void awaitilitysTimeoutIsAFailedObservationNotACrash() {
    FailureFeedback.Verdict verdict = feedback.judge(
        new org.awaitility.core.ConditionTimeoutException("Condition was not fulfilled within 2 seconds."), 1000);
    assertEquals(new FailureFeedback.Verdict(ReportedStatus.FAILED, "Condition was not fulfilled within 2 seconds."),
        verdict);
  }

  @Test
  void longMessagesAreCut() {
    String message = feedback.judge(new AssertionError("x".repeat(20_000)), 1000).message();
    assertTrue(message.length() < 9_000);
    assertTrue(message.endsWith("[... message shortened]"));
  }
}
