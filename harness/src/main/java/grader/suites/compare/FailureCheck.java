package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.fail;

import grader.suites.support.Feedback;
import grader.suites.support.StudentCall;
import java.io.IOException;
import java.net.URI;

/** Checks that a download of a URL that answers 404 fails the way the contract says. */
final class FailureCheck {
  private FailureCheck() {}

  /** A call into the student's downloader. */
  @FunctionalInterface
  interface Download {
    void run() throws Exception;
  }

  /** Fails unless {@code download} throws an {@link IOException} whose message contains {@code failing}. */
  static void assertIOExceptionNaming(String call, URI failing, String hint, Download download) {
    Throwable thrown = null;
    try {
      download.run();
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      thrown = e;
    }
    String expected = call + " throws an IOException whose message contains " + failing;
    if (thrown == null) {
      fail(Feedback.of(expected, "it returned normally (" + failing + " answers 404 Not Found)",
          "check the status code: a 404 page is not the file. " + hint));
    }
    if (!(thrown instanceof IOException) || thrown.getMessage() == null
        || !thrown.getMessage().contains(failing.toString())) {
      fail(Feedback.of(expected, "it threw " + StudentCall.describe(thrown), hint));
    }
  }
}
