package grader.suites.processes;

import exercises.processes.SquareSum;
import java.math.BigInteger;

/** One call of the student's {@code SquareSum.compute(n, workers)}: what it returned or threw. */
record ComputeCall(int n, int workers, Long result, Throwable thrown) {

  static ComputeCall of(int n, int workers) {
    try {
      return new ComputeCall(n, workers, SquareSum.compute(n, workers), null);
    } catch (Throwable e) {
      return new ComputeCall(n, workers, null, e);
    }
  }

  /** The call as the student wrote it, for messages. */
  String call() {
    return "compute(" + n + ", " + workers + ")";
  }

  /** 1² + 2² + ... + last², exactly. */
  static BigInteger sumOfSquares(long last) {
    return sumOfSquares(1, last);
  }

  /** first² + ... + last², exactly; zero when the range is empty. */
  static BigInteger sumOfSquares(long first, long last) {
    if (last < first) {
      return BigInteger.ZERO;
    }
    return upTo(last).subtract(upTo(first - 1));
  }

  private static BigInteger upTo(long n) {
    if (n <= 0) {
      return BigInteger.ZERO;
    }
    BigInteger big = BigInteger.valueOf(n);
    return big.multiply(big.add(BigInteger.ONE)).multiply(big.shiftLeft(1).add(BigInteger.ONE))
        .divide(BigInteger.valueOf(6));
  }
}
