package grader.child;

import grader.protocol.EventCodec;
import grader.protocol.RunNonce;
import grader.suites.support.StudentCode;
import grader.suites.support.Submission;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM's main class: runs one graded suite and streams its results to the parent.
 *
 * <p>Order matters, because student code runs inside this JVM: the secret nonce is read from
 * standard input (so it is on no command line and in no environment) and standard input is
 * replaced by an empty stream; the results file is opened; {@code System.out}/{@code System.err} are
 * replaced by capturing streams; only then does the first test run. At the end the harness writes
 * {@code done} and halts, which skips the student's shutdown hooks and leftover threads.
 *
 * <p>Exit statuses: 0 normal or restart requested; 2 bad usage or harness failure; 4 the grader
 * that started it is gone; 70 the results channel broke.
 */
public final class HarnessMain {
  private static final int MAX_NONCE_BYTES = 128;
  private static final int OUTPUT_PER_TEST = 4 * 1024;
  private static final long OUTPUT_TOTAL = 256 * 1024;
  private static final long WATCHDOG_GRACE_MILLIS = 5_000;
  /** Also how often the deadlock watch looks: a deadlock of monitors is stopped about 0.1 to 0.2 s after it forms. */
  private static final long WATCHDOG_PERIOD_MILLIS = 100;

  private HarnessMain() {}

  public static void main(String[] args) {
    Runtime runtime = Runtime.getRuntime();
    PrintStream realErr = System.err;
    try {
      HarnessArguments arguments = HarnessArguments.parse(args);
      RunNonce nonce = readNonce(new FileInputStream(FileDescriptor.in));
      System.setIn(new ByteArrayInputStream(new byte[0]));
      FileOutputStream results = new FileOutputStream(arguments.resultsFile().toFile(), true);
      EventWriter writer = new EventWriter(results, new EventCodec(nonce), () -> runtime.halt(70));

      OutputCapture capture = new OutputCapture(OUTPUT_PER_TEST, OUTPUT_TOTAL);
      System.setOut(capture.teeTo(System.out));
      System.setErr(capture.teeTo(realErr));

      StudentCode student = studentCode();
      StuckThreads stuck = student == null ? null : StuckThreads.ofThisJvm(student);
      FailureFeedback feedback = new FailureFeedback(student,
          () -> stuck == null ? "(no thread dump: the student's classes are unknown)" : stuck.describe());
      DeadlockWatch deadlocks = new DeadlockWatch(ManagementFactory.getThreadMXBean(), System::nanoTime);
      SuiteListener listener = new SuiteListener(writer, capture, feedback,
          new TimeoutLookup(arguments.defaultTimeout()), System::nanoTime, runtime::halt, deadlocks::invocationStarted);
      startWatchdog(listener, deadlocks, runtime);

      new SuiteLauncher(arguments).run(listener);
      listener.finishUnreported();
      writer.done();
      runtime.halt(0);
    } catch (Throwable e) {
      // The parent shows the tail of standard error; without a done event nothing here earns points.
      realErr.println("grader harness failed: " + e);
      e.printStackTrace(realErr);
      realErr.flush();
      runtime.halt(2);
    }
  }

  /** Reads one line byte by byte, so nothing beyond the nonce is consumed or buffered. */
  static RunNonce readNonce(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0 || line.size() >= MAX_NONCE_BYTES) {
        throw new IOException("expected the run's nonce as the first line of standard input");
      }
      line.write(b);
    }
    return new RunNonce(line.toString(StandardCharsets.US_ASCII).trim());
  }

  private static StudentCode studentCode() {
    String classes = System.getProperty(Submission.CLASSES);
    if (classes == null || classes.isBlank()) {
      return null;
    }
    try {
      return StudentCode.in(Path.of(classes));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Gives up on a test JUnit cannot stop or whose threads are deadlocked for good, and ends this JVM when the grader that started it is gone
   * (its parent changed): nobody would read the results, and nothing should keep running.
   */
  private static void startWatchdog(SuiteListener listener, DeadlockWatch deadlocks, Runtime runtime) {
    long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    Thread watchdog = new Thread(() -> {
      try {
        while (!listener.isStopped()) {
          Thread.sleep(WATCHDOG_PERIOD_MILLIS);
          listener.abandonIfOverdue(WATCHDOG_GRACE_MILLIS);
          long invocation = listener.runningInvocation();
          if (deadlocks.deadlocked(invocation)) {
            listener.abandonDeadlocked(invocation);
          }
          if (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) != parent) {
            runtime.halt(4);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "grader-harness-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
