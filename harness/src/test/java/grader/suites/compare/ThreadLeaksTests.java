package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.suites.support.StudentCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose a thread is, by the code it runs: its name, which the student picks, never decides. */
class ThreadLeaksTests {

  @TempDir
  Path classes;

  private StudentCode student() throws Exception {
    for (String name : new String[] {"exercises/compare/ThreadDownloader.class", "org/eclipse/jetty/Fake.class"}) {
      Files.createDirectories(classes.resolve(name).getParent());
      Files.write(classes.resolve(name), new byte[0]);
    }
    return StudentCode.in(classes);
  }

  private static StackTraceElement frame(String className, String method) {
    return new StackTraceElement(className, method, null, -1);
  }

  @Test
  void jettysOwnPoolThreadIsTheGraders() throws Exception {
    assertTrue(ThreadLeaks.isGraders(new StackTraceElement[] {
        frame("jdk.internal.misc.Unsafe", "park"),
        frame("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run"),
        frame("java.lang.Thread", "run")}, student()));
  }

  @Test
  void wiremocksShadedJettyPoolThreadIsTheGraders() throws Exception {
    // wiremock-standalone relocates Jetty: the frames the child JVM really shows.
    assertTrue(ThreadLeaks.isGraders(new StackTraceElement[] {
        frame("sun.nio.ch.EPoll", "wait"),
        frame("wiremock.org.eclipse.jetty.io.ManagedSelector", "nioSelect"),
        frame("wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run"),
        frame("java.lang.Thread", "run")}, student()));
  }

  @Test
  void aThreadRunningTheHarnessIsTheGraders() throws Exception {
    assertTrue(ThreadLeaks.isGraders(new StackTraceElement[] {
        frame("jdk.internal.misc.Unsafe", "park"), frame("grader.child.HarnessMain", "main")}, student()));
  }

  @Test
  void anIdlePoolThreadOfTheStudentsIsNotTheGradersWhateverItsName() throws Exception {
    // Executors.newFixedThreadPool's idle worker, named "qtp-1" or "junit-2" by the student: only JDK frames.
    assertFalse(ThreadLeaks.isGraders(new StackTraceElement[] {
        frame("jdk.internal.misc.Unsafe", "park"),
        frame("java.util.concurrent.LinkedBlockingQueue", "take"),
        frame("java.util.concurrent.ThreadPoolExecutor", "getTask"),
        frame("java.util.concurrent.ThreadPoolExecutor$Worker", "run"),
        frame("java.lang.Thread", "run")}, student()));
  }

  @Test
  void aThreadRunningTheStudentsCodeOrAStudentClassNamedLikeJettyIsNotTheGraders() throws Exception {
    assertFalse(ThreadLeaks.isGraders(new StackTraceElement[] {
        frame("java.lang.Thread", "sleep"),
        frame("exercises.compare.ThreadDownloader", "lambda$downloadAll$0"),
        frame("org.eclipse.jetty.util.thread.QueuedThreadPool$Runner", "run")}, student()));
    assertFalse(ThreadLeaks.isGraders(new StackTraceElement[] {
        frame("org.eclipse.jetty.Fake", "run"), frame("java.lang.Thread", "run")}, student()));
  }
}
