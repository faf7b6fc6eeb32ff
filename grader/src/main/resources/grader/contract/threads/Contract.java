package graderprobe.threads;

import exercises.threads.SleepyThreads; // contract(exercises.threads.SleepyThreads): public final class exercises.threads.SleepyThreads
import java.io.PrintStream;
import java.util.Random;

/**
 * Compiles only against a submission that keeps the threads contract (the Javadoc of its skeleton classes). Never run:
 * the grader compiles it against the student's classes and turns each error into "expected ...".
 * One checked signature per line, named by the contract comment at the end of that line.
 */
final class Contract {
  void run(Random random, PrintStream out) throws InterruptedException {
    SleepyThreads.run(5, 100, 2000, random, out); // contract(exercises.threads.SleepyThreads): public static void run(int count, int minMillis, int maxMillis, Random random, PrintStream out) throws InterruptedException
  }

  void main(String[] args) throws InterruptedException {
    SleepyThreads.main(args); // contract(exercises.threads.SleepyThreads): public static void main(String[] args) throws InterruptedException
  }
}
