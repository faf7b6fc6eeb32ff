package graderprobe.processes;

import exercises.processes.SquareSum; // contract(exercises.processes.SquareSum): public final class exercises.processes.SquareSum
import exercises.processes.SquareSumWorker; // contract(exercises.processes.SquareSumWorker): public final class exercises.processes.SquareSumWorker
import java.io.IOException;

/**
 * Compiles only against a submission that keeps the processes contract (the Javadoc of its skeleton classes). Never run:
 * the grader compiles it against the student's classes and turns each error into "expected ...".
 * One checked signature per line, named by the contract comment at the end of that line.
 */
final class Contract {
  void worker(String[] args) {
    SquareSumWorker.main(args); // contract(exercises.processes.SquareSumWorker): public static void main(String[] args)
  }

  // Boxed on purpose: an int result would widen to long silently, but not box to Long.
  Long compute() throws IOException, InterruptedException {
    Long sum = SquareSum.compute(100, 4); // contract(exercises.processes.SquareSum): public static long compute(int n, int workers) throws IOException, InterruptedException
    return sum;
  }

  void main(String[] args) throws IOException, InterruptedException {
    SquareSum.main(args); // contract(exercises.processes.SquareSum): public static void main(String[] args) throws IOException, InterruptedException
  }
}
