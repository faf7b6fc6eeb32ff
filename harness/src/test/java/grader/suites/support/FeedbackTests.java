package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeedbackTests {

  @Test
  void readableMessagesLoseTheJvmNotesWhereverTheyAre() {
    String message = "worker 26..50 failed; its standard error: NOTE: Picked up JDK_JAVA_OPTIONS: -javaagent:/x.jar=/g -Xmx256m\n"
        + "boom\nPicked up JAVA_TOOL_OPTIONS: -Dx=1\nmore";
    assertEquals("worker 26..50 failed; its standard error: boom\nmore", Feedback.readable(message));
  }

  @Test
  void childStandardErrorWithoutJvmNotes() {
    ChildJvmResult result = new ChildJvmResult(2, false, "",
        "NOTE: Picked up JDK_JAVA_OPTIONS: -Xmx256m\nusage: SquareSumWorker <first> <last>\n");
    assertEquals("usage: SquareSumWorker <first> <last>", result.studentStderr());
  }

  @Test
  void threeParts() {
    assertEquals("Expected: a\nObserved: b\nHint: c", Feedback.of("a", "b", "c"));
  }
}
