package grader.child;

import grader.suites.support.StudentCode;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A thread dump trimmed to what a student needs after a timeout: the threads running their code,
 * where each one is blocked, the frames of their code that led there, and any deadlock by name.
 */
final class StuckThreads {
  private static final int MAX_THREADS = 8;
  private static final int MAX_STUDENT_FRAMES = 6;

  private final ThreadMXBean threads;
  private final StudentCode student;

  StuckThreads(ThreadMXBean threads, StudentCode student) {
    this.threads = threads;
    this.student = student;
  }

  static StuckThreads ofThisJvm(StudentCode student) {
    return new StuckThreads(ManagementFactory.getThreadMXBean(), student);
  }

  /** The report, or a sentence saying that no thread was running the student's code. */
  String describe() {
    ThreadInfo[] all =
        threads.dumpAllThreads(threads.isObjectMonitorUsageSupported(), threads.isSynchronizerUsageSupported());
    Set<Long> deadlocked = deadlockedIds();
    List<ThreadInfo> relevant = new ArrayList<>();
    for (ThreadInfo info : all) {
      if (info != null && (deadlocked.contains(info.getThreadId()) || student.runsStudentCode(info.getStackTrace()))) {
        relevant.add(info);
      }
    }
    StringBuilder text = new StringBuilder();
    if (!deadlocked.isEmpty()) {
      text.append(deadlockSentence(all, deadlocked)).append('\n');
    }
    if (relevant.isEmpty()) {
      text.append("No thread was running your code at that moment.");
      return text.toString();
    }
    text.append("Threads running your code at that moment:");
    for (ThreadInfo info : relevant.subList(0, Math.min(MAX_THREADS, relevant.size()))) {
      text.append('\n').append(describe(info));
    }
    if (relevant.size() > MAX_THREADS) {
      text.append("\n  ... and ").append(relevant.size() - MAX_THREADS).append(" more threads");
    }
    return text.toString();
  }

  private Set<Long> deadlockedIds() {
    long[] ids = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads() : threads.findMonitorDeadlockedThreads();
    Set<Long> set = new HashSet<>();
    if (ids != null) {
      for (long id : ids) {
        set.add(id);
      }
    }
    return set;
  }

  private static String deadlockSentence(ThreadInfo[] all, Set<Long> deadlocked) {
    List<String> parts = new ArrayList<>();
    for (ThreadInfo info : all) {
      if (info != null && deadlocked.contains(info.getThreadId())) {
        parts.add("\"" + info.getThreadName() + "\" waits for " + lockName(info.getLockInfo())
            + (info.getLockOwnerName() == null ? "" : " held by \"" + info.getLockOwnerName() + "\""));
      }
    }
    return "DEADLOCK: " + String.join("; ", parts) + ".";
  }

  private String describe(ThreadInfo info) {
    StringBuilder text = new StringBuilder("  \"").append(info.getThreadName()).append("\" ").append(info.getThreadState());
    if (info.getLockInfo() != null) {
      text.append(" on ").append(lockName(info.getLockInfo()));
      if (info.getLockOwnerName() != null) {
        text.append(" held by \"").append(info.getLockOwnerName()).append('"');
      }
    }
    StackTraceElement[] stack = info.getStackTrace();
    if (stack.length > 0 && !student.isStudentFrame(stack[0])) {
      // The frame the thread is blocked or spinning in (sleep, park, wait, a JDK loop).
      text.append("\n      at ").append(FailureFeedback.frame(stack[0]));
    }
    List<StackTraceElement> own = student.studentFrames(stack);
    for (StackTraceElement frame : own.subList(0, Math.min(MAX_STUDENT_FRAMES, own.size()))) {
      text.append("\n      at ").append(FailureFeedback.frame(frame));
    }
    if (own.size() > MAX_STUDENT_FRAMES) {
      text.append("\n      ... ").append(own.size() - MAX_STUDENT_FRAMES).append(" more frames in your code");
    }
    return text.toString();
  }

  private static String lockName(LockInfo lock) {
    return lock == null ? "a lock" : lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
  }
}
