package grader.suites.support;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the three-part message every failing graded test gives: what was expected, what was
 * observed (with the numbers), and a hint that teaches. The engine shows it to the student as is.
 */
public final class Feedback {
  /** Longest exception message quoted in feedback; the rest is rarely more than a stack trace. */
  private static final int MAX_MESSAGE = 600;
  /** The launcher's note about options taken from the environment, up to the end of its line. */
  private static final Pattern JVM_NOTE =
      Pattern.compile("(NOTE: )?Picked up (JDK_JAVA_OPTIONS|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS):[^\\n]*\\n?");

  private Feedback() {}

  public static String of(String expected, String observed, String hint) {
    return "Expected: " + expected + "\nObserved: " + observed + "\nHint: " + hint;
  }

  /**
   * Describes an exception thrown by the student's code: its type, its message and where in the
   * student's own code it came from, e.g. {@code UnsupportedOperationException: TODO (at
   * SleepyThreads.run(SleepyThreads.java:42))}.
   */
  public static String describe(Throwable thrown, StudentCode studentCode) {
    StringBuilder text = new StringBuilder(thrown.getClass().getSimpleName());
    if (thrown.getMessage() != null) {
      text.append(": ").append(readable(thrown.getMessage()));
    }
    List<StackTraceElement> frames = studentCode.studentFrames(thrown.getStackTrace());
    if (!frames.isEmpty()) {
      StackTraceElement frame = frames.get(0);
      text.append(" (at ").append(simpleName(frame.getClassName())).append('.').append(frame.getMethodName())
          .append('(').append(frame.getFileName()).append(':').append(frame.getLineNumber()).append("))");
    }
    if (thrown.getCause() != null && thrown.getCause() != thrown) {
      text.append(", caused by ").append(thrown.getCause().getClass().getSimpleName());
      if (thrown.getCause().getMessage() != null) {
        text.append(": ").append(readable(thrown.getCause().getMessage()));
      }
    }
    return text.toString();
  }

  /** A hint for an exception where none was expected: the skeleton's TODO gets its own. */
  public static String hintFor(Throwable thrown) {
    if (thrown instanceof UnsupportedOperationException
        && String.valueOf(thrown.getMessage()).startsWith("TODO")) {
      return "this is still the skeleton: replace the TODO with your implementation.";
    }
    return "your code threw where it should have returned normally; the location above is the first "
        + "line of your code in the stack trace.";
  }

  /**
   * A message as the student should read it: without the JVM's own "Picked up JDK_JAVA_OPTIONS"
   * notes (a child's standard error often ends up in a message) and cut to a readable length.
   */
  public static String readable(String message) {
    // The note may also sit mid-line, where a student's message quotes a child's standard error.
    String text = JVM_NOTE.matcher(message).replaceAll("").lines()
        .filter(line -> !ChildJvmResult.isJvmNote(line))
        .collect(Collectors.joining("\n")).strip();
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
