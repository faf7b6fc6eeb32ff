package grader.suites.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells the student's code apart from the JDK's, the grader's and the libraries': the classes are
 * exactly those compiled from the submission. Used to find the student's sleeping threads, to
 * point feedback at the first frame in the student's code, and to trim thread dumps.
 */
public final class StudentCode {
  private final Set<String> topLevelClasses;

  private StudentCode(Set<String> topLevelClasses) {
    this.topLevelClasses = Set.copyOf(topLevelClasses);
  }

  /** The classes found in {@link Submission#classesDirectory()}. */
  public static StudentCode ofSubmission() {
    return in(Submission.classesDirectory());
  }

  /** The classes compiled into {@code classesDirectory}. */
  public static StudentCode in(Path classesDirectory) {
    try (Stream<Path> files = Files.walk(classesDirectory)) {
      return new StudentCode(
          files
              .filter(f -> f.toString().endsWith(".class"))
              .map(f -> topLevel(classesDirectory.relativize(f).toString()
                  .replace(f.getFileSystem().getSeparator(), ".")
                  .replaceFirst("\\.class$", "")))
              .collect(Collectors.toSet()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the student's classes in " + classesDirectory, e);
    }
  }

  public boolean isStudentClass(String className) {
    return topLevelClasses.contains(topLevel(className));
  }

  public boolean isStudentFrame(StackTraceElement frame) {
    return isStudentClass(frame.getClassName());
  }

  /** True if any frame of {@code stack} is in the student's code. */
  public boolean runsStudentCode(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (isStudentFrame(frame)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@code stack} (innermost first) is a thread asleep in {@code Thread.sleep} that the
   * student's code called: the top frames are {@code java.lang.Thread}'s sleep methods (JDK 17:
   * {@code sleep}; JDK 21+: {@code sleep}, {@code sleepNanos}, {@code sleepNanos0}), optionally
   * called through {@code TimeUnit.sleep}, and the next frame is the student's.
   *
   * <p>Only the top of the stack decides. Every other timed wait ({@code Object.wait(ms)},
   * {@code LockSupport.parkNanos}, {@code tryLock(timeout)}, {@code Thread.join(ms)},
   * {@code BlockingQueue.poll(timeout)}) is also {@code TIMED_WAITING} with the student's frame
   * below it, but a thread waiting there for a lock another thread sleeps under is not asleep: the
   * sleeps it waits for happen one after the other.
   */
  public boolean sleepsInStudentCode(StackTraceElement[] stack) {
    int at = 0;
    while (at < stack.length && isThreadSleep(stack[at])) {
      at++;
    }
    if (at == 0) {
      return false;
    }
    while (at < stack.length && isJdkFrame(stack[at], "java.util.concurrent.TimeUnit", "sleep")) {
      at++;
    }
    return at < stack.length && isStudentFrame(stack[at]);
  }

  private static boolean isThreadSleep(StackTraceElement frame) {
    return isJdkFrame(frame, "java.lang.Thread", "sleep") || isJdkFrame(frame, "java.lang.Thread", "sleep0")
        || isJdkFrame(frame, "java.lang.Thread", "sleepNanos") || isJdkFrame(frame, "java.lang.Thread", "sleepNanos0");
  }

  private static boolean isJdkFrame(StackTraceElement frame, String className, String method) {
    // java.base is a named module: no class of the student's can be reported in it.
    return "java.base".equals(frame.getModuleName()) && frame.getClassName().equals(className)
        && frame.getMethodName().equals(method);
  }

  /** The frames of {@code stack} in the student's code, innermost first. */
  public List<StackTraceElement> studentFrames(StackTraceElement[] stack) {
    return Stream.of(stack).filter(this::isStudentFrame).toList();
  }

  private static String topLevel(String className) {
    int dollar = className.indexOf('$');
    return dollar < 0 ? className : className.substring(0, dollar);
  }
}
