package grader.suites.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.suites.support.LaunchGate.Launch;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerRangeTests {

  private static Launch launch(String... arguments) {
    return new Launch(1, "exercises.processes.SquareSumWorker", List.of(arguments), 0, List.of());
  }

  @Test
  void theRangeIsTheFirstTwoArguments() {
    assertEquals(new WorkerRange(26, 50), WorkerRange.of(launch("26", "50")).orElseThrow());
    assertEquals(25, new WorkerRange(26, 50).size());
    assertTrue(new WorkerRange(26, 50).contains(50));
    assertTrue(WorkerRange.of(launch("26")).isEmpty());
    assertTrue(WorkerRange.of(launch("a", "50")).isEmpty());
  }

  @Test
  void sumsOfSquaresAreExact() {
    assertEquals(BigInteger.valueOf(338_350), ComputeCall.sumOfSquares(100));
    assertEquals(BigInteger.valueOf(5_525), ComputeCall.sumOfSquares(1, 25));
    assertEquals(BigInteger.valueOf(2_147_488_281L), ComputeCall.sumOfSquares(46_341, 46_341));
    assertEquals(new BigInteger("2666668666667000000"), ComputeCall.sumOfSquares(2_000_000));
    assertEquals(BigInteger.ZERO, ComputeCall.sumOfSquares(5, 4));
  }
}
