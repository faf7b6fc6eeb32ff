package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.suites.compare.RunWindows.Reported;
import grader.suites.support.ServerGate.Exchange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which benchmark numbers the server's timeline explains. */
class RunWindowsTests {
  private static final long MS = 1_000_000L;

  /** Three sequential runs: requests of 150, 390 and 270 ms server time, with gaps of 20-40 ms. */
  private static final List<Exchange> RUNS = List.of(
      new Exchange("/bench/files/a", 30 * MS, 180 * MS, 180 * MS),
      new Exchange("/bench/files/a", 200 * MS, 590 * MS, 590 * MS),
      new Exchange("/bench/files/a", 630 * MS, 900 * MS, 900 * MS));

  private static RunWindows windows() {
    return RunWindows.of(RUNS, 0, 910 * MS);
  }

  @Test
  void eachRunsWindowReachesFromThePreviousCompletionToTheNextArrival() {
    assertEquals(List.of(new RunWindows.Window(149, 201), new RunWindows.Window(389, 451),
        new RunWindows.Window(269, 321)), windows().windows());
  }

  @Test
  void measuredNumbersInAnyOrderAreExplained() {
    assertEquals(Optional.empty(), windows().unexplained(List.of(
        new Reported("threads median", 280), new Reported("threads min", 160), new Reported("threads max", 400))));
  }

  @Test
  void aNumberShorterThanTheServersTimeOrLongerThanItsGapsIsNot() {
    assertEquals(Optional.of(List.of(new Reported("async min", 100))),
        windows().unexplained(List.of(new Reported("async min", 100))));
    assertEquals(Optional.of(List.of(new Reported("async max", 500))),
        windows().unexplained(List.of(new Reported("async max", 500))));
  }

  @Test
  void twoNumbersCannotShareOneRun() {
    // 160 fits only the first run: twice 160 are more than one run.
    List<Reported> twice = List.of(new Reported("threads min", 160), new Reported("async min", 160));
    assertEquals(Optional.of(List.of(new Reported("async min", 160))), windows().unexplained(twice));
  }

  @Test
  void theMatchingMovesAnEarlierChoiceWhenALaterNumberNeedsItsRun() {
    // Windows 99-301 and 299-601: 300 fits both and first takes the first; 150 fits only the first.
    RunWindows windows = RunWindows.of(List.of(new Exchange("/a", 0, 100 * MS, 100 * MS), new Exchange("/a", 300 * MS, 600 * MS, 600 * MS)),
        0, 700 * MS);
    assertEquals(Optional.empty(), windows.unexplained(List.of(new Reported("a", 300), new Reported("b", 150))));
  }

  @Test
  void aRequestThatWasNeverAnsweredExplainsNothingAndExtraRequestsAreAllowed() {
    RunWindows windows = RunWindows.of(List.of(new Exchange("/w", 0, 20 * MS, 20 * MS), new Exchange("/a", 30 * MS, 200 * MS, 200 * MS),
        new Exchange("/b", 210 * MS, -1, -1)), 0, 400 * MS);
    assertEquals(2, windows.windows().size());
    assertEquals(Optional.empty(), windows.unexplained(List.of(new Reported("x", 180))));
  }
}
