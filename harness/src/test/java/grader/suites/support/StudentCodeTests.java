package grader.suites.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stacks are a sleep in the student's code, on the frames JDK 17 and JDK 21+ really show. */
class StudentCodeTests {

  @TempDir
  Path classes;

  private StudentCode code() throws Exception {
    Files.createDirectories(classes.resolve("exercises/threads"));
    Files.write(classes.resolve("exercises/threads/SleepyThreads.class"), new byte[0]);
    return StudentCode.in(classes);
  }

  private static StackTraceElement jdk(String className, String method) {
    return new StackTraceElement(null, "java.base", "17", className, method, null, -2);
  }

  private static StackTraceElement student(String method) {
    return new StackTraceElement("app", null, null, "exercises.threads.SleepyThreads", method, "SleepyThreads.java", 9);
  }

  @Test
  void threadSleepCalledByTheStudentIsASleepOnJdk17() throws Exception {
    assertTrue(code().sleepsInStudentCode(new StackTraceElement[] {
        jdk("java.lang.Thread", "sleep"), student("lambda$run$0"), jdk("java.lang.Thread", "run")}));
    // Thread.sleep(ms, nanos) calls Thread.sleep(ms).
    assertTrue(code().sleepsInStudentCode(new StackTraceElement[] {
        jdk("java.lang.Thread", "sleep"), jdk("java.lang.Thread", "sleep"), student("lambda$run$0")}));
  }

  @Test
  void threadSleepCalledByTheStudentIsASleepOnJdk21AndLater() throws Exception {
    assertTrue(code().sleepsInStudentCode(new StackTraceElement[] {jdk("java.lang.Thread", "sleepNanos0"),
        jdk("java.lang.Thread", "sleepNanos"), jdk("java.lang.Thread", "sleep"), student("lambda$run$0")}));
    assertTrue(code().sleepsInStudentCode(new StackTraceElement[] {jdk("java.lang.Thread", "sleep0"),
        jdk("java.lang.Thread", "sleep"), student("lambda$run$0")}));
  }

  @Test
  void timeUnitSleepIsASleep() throws Exception {
    assertTrue(code().sleepsInStudentCode(new StackTraceElement[] {jdk("java.lang.Thread", "sleepNanos0"),
        jdk("java.lang.Thread", "sleepNanos"), jdk("java.lang.Thread", "sleep"),
        jdk("java.util.concurrent.TimeUnit", "sleep"), student("run")}));
  }

  @Test
  void otherTimedWaitsInTheStudentsCodeAreNotSleeps() throws Exception {
    StudentCode code = code();
    assertFalse(code.sleepsInStudentCode(new StackTraceElement[] {jdk("java.lang.Object", "wait"), student("run")}));
    assertFalse(code.sleepsInStudentCode(new StackTraceElement[] {jdk("jdk.internal.misc.Unsafe", "park"),
        jdk("java.util.concurrent.locks.LockSupport", "parkNanos"),
        jdk("java.util.concurrent.locks.AbstractQueuedSynchronizer", "tryAcquireNanos"),
        jdk("java.util.concurrent.locks.ReentrantLock", "tryLock"), student("run")}));
    assertFalse(code.sleepsInStudentCode(new StackTraceElement[] {jdk("java.lang.Object", "wait"),
        jdk("java.lang.Thread", "join"), student("run")}));
  }

  @Test
  void aSleepNotCalledByTheStudentOrAFakeThreadClassIsNotTheStudentsSleep() throws Exception {
    StudentCode code = code();
    // The JDK's or a library's own sleep (a pool's keep-alive, WireMock's delay) is not the student's.
    assertFalse(code.sleepsInStudentCode(new StackTraceElement[] {jdk("java.lang.Thread", "sleep"),
        new StackTraceElement("app", null, null, "com.example.Library", "pause", null, 3), student("run")}));
    // A frame that claims to be java.lang.Thread outside java.base is not the JDK's.
    assertFalse(code.sleepsInStudentCode(new StackTraceElement[] {
        new StackTraceElement("app", null, null, "java.lang.Thread", "sleep", null, 1), student("run")}));
    assertFalse(code.sleepsInStudentCode(new StackTraceElement[] {student("run")}));
    assertFalse(code.sleepsInStudentCode(new StackTraceElement[0]));
  }
}
