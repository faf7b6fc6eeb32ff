package grader.suites.support;

import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Calls the student's code where it must return normally, and turns anything it throws into a
 * graded failure that names the exception and the first line of the student's code it came from,
 * instead of an error with a grader stack trace.
 */
public final class StudentCall {
  private StudentCall() {}

  /** A call into the student's code that returns a value. */
  @FunctionalInterface
  public interface Returning<T> {
    T call() throws Exception;
  }

  /** A call into the student's code that returns nothing. */
  @FunctionalInterface
  public interface Running {
    void run() throws Exception;
  }

  /**
   * Returns what {@code call} returns; if it throws, fails the test with {@code expected} as what
   * was expected and the exception as what was observed.
   */
  public static <T> T returning(String expected, Returning<T> call) {
    Objects.requireNonNull(call, "call must not be null");
    try {
      return call.call();
    } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
      throw failure(expected, e);
    }
  }

  /** The graded failure for student code that threw {@code thrown} where {@code expected} was expected. */
  public static AssertionFailedError failure(String expected, Throwable thrown) {
    return new AssertionFailedError(Feedback.of(expected, "it threw " + describe(thrown), hintFor(thrown)), thrown);
  }

  /** Runs {@code call}; if it throws, fails the test like {@link #returning}. */
  public static void running(String expected, Running call) {
    Objects.requireNonNull(call, "call must not be null");
    returning(expected, () -> {
      call.run();
      return null;
    });
  }

  /**
   * One line about {@code thrown}: its class, message and the first frame in the student's
   * code (or its first frame), plus its cause's class and message if it has one.
   */
  public static String describe(Throwable thrown) {
    StringBuilder text = new StringBuilder(thrown.getClass().getName());
    if (thrown.getMessage() != null) {
      text.append(": ").append(thrown.getMessage());
    }
    StackTraceElement frame = firstStudentFrame(thrown);
    if (frame != null) {
      text.append(" (at ").append(frame).append(')');
    }
    Throwable cause = thrown.getCause();
    if (cause != null && cause != thrown) {
      text.append("; caused by ").append(cause.getClass().getName());
      if (cause.getMessage() != null) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  private static String hintFor(Throwable thrown) {
    if (thrown instanceof UnsupportedOperationException
        && thrown.getMessage() != null
        && thrown.getMessage().startsWith("TODO")) {
      return "this part of the exercise is not implemented yet: replace the 'throw new "
          + "UnsupportedOperationException(\"TODO...\")' with your code.";
    }
    if (thrown instanceof LinkageError) {
      return "a class or method the grader needs is missing or has another signature: keep the "
          + "names and signatures exactly as in the exercise sheet.";
    }
    return "read the exception and the line it points to; run the code yourself with the same input "
        + "to reproduce it.";
  }

  private static StackTraceElement firstStudentFrame(Throwable thrown) {
    StackTraceElement[] stack = thrown.getStackTrace();
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().startsWith("exercises.")) {
        return frame;
      }
    }
    return stack.length > 0 ? stack[0] : null;
  }
}
