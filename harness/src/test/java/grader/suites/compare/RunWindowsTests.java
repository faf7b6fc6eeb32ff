package grader.suites.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.suites.compare.RunWindows.Reported;
import grader.suites.support.ServerGate.Exchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which benchmark numbers the server's timeline explains. */
class RunWindowsTests {
  private static final long MS = 1_000_000L;

  /** Three sequential runs: requests of 150, 390 and 270 ms server time, with gaps of 20-40 ms. */
  private static final List<Exchange> RUNS = List.of(
      new Exchange("/bench/files/a", 30 * MS, 180 * MS, 180 * MS),
      new Exchange("/bench/files/a", 200 * MS, 590 * MS, 590 * MS),
      new Exchange("/bench/files/a", 630 * MS, 900 * MS, 900 * MS));

  /** Every request arrived while the threads model's downloadAll ran. */
  private static final Map<Integer, Set<String>> THREADS = Map.of(0, Set.of("threads"), 1, Set.of("threads"), 2,
      Set.of("threads"));

  private static RunWindows windows() {
    return RunWindows.of(RUNS, THREADS, 0, 910 * MS);
  }

  @Test
  void eachRunsWindowReachesFromThePreviousCompletionToTheNextArrival() {
    assertEquals(List.of(new RunWindows.Window(149, 201, Set.of("threads")),
        new RunWindows.Window(389, 451, Set.of("threads")), new RunWindows.Window(269, 321, Set.of("threads"))), windows().windows());
  }

  @Test
  void measuredNumbersInAnyOrderAreExplained() {
    assertEquals(Optional.empty(), windows().unexplained(List.of(
        new Reported("threads median", "threads", 280), new Reported("threads min", "threads", 160), new Reported("threads max", "threads", 400))));
  }

  @Test
  void aNumberShorterThanTheServersTimeOrLongerThanItsGapsIsNot() {
    assertEquals(Optional.of(List.of(new Reported("threads min", "threads", 100))),
        windows().unexplained(List.of(new Reported("threads min", "threads", 100))));
    assertEquals(Optional.of(List.of(new Reported("threads max", "threads", 500))),
        windows().unexplained(List.of(new Reported("threads max", "threads", 500))));
  }

  @Test
  void twoNumbersCannotShareOneRun() {
    // 160 fits only the first run: twice 160 are more than one run.
    List<Reported> twice = List.of(new Reported("threads min", "threads", 160), new Reported("async min", "async", 160));
    assertEquals(Optional.of(List.of(new Reported("async min", "async", 160))), windows().unexplained(twice));
  }

  @Test
  void theMatchingMovesAnEarlierChoiceWhenALaterNumberNeedsItsRun() {
    // Windows 99-301 and 299-601: 300 fits both and first takes the first; 150 fits only the first.
    RunWindows windows = RunWindows.of(List.of(new Exchange("/a", 0, 100 * MS, 100 * MS), new Exchange("/a", 300 * MS, 600 * MS, 600 * MS)),
        THREADS, 0, 700 * MS);
    assertEquals(Optional.empty(), windows.unexplained(List.of(new Reported("a", "threads", 300), new Reported("b", "threads", 150))));
  }

  @Test
  void aRequestThatWasNeverAnsweredExplainsNothingAndExtraRequestsAreAllowed() {
    RunWindows windows = RunWindows.of(List.of(new Exchange("/w", 0, 20 * MS, 20 * MS), new Exchange("/a", 30 * MS, 200 * MS, 200 * MS),
        new Exchange("/b", 210 * MS, -1, -1)), THREADS, 0, 400 * MS);
    assertEquals(2, windows.windows().size());
    assertEquals(Optional.empty(), windows.unexplained(List.of(new Reported("x", "threads", 180))));
  }

  @Test
  void aNumberFitsOnlyARunOfItsOwnModel() {
    // The same three requests, the first two while the processes model ran: 160 fits the first window in time,
    // but that run was no run of threads.
    RunWindows windows = RunWindows.of(RUNS, Map.of(0, Set.of("processes"), 1, Set.of("processes"), 2,
        Set.of("threads")), 0, 910 * MS);
    assertEquals(Optional.of(List.of(new Reported("threads min", "threads", 160))),
        windows.unexplained(List.of(new Reported("threads min", "threads", 160))));
    assertEquals(Optional.empty(), windows.unexplained(List.of(new Reported("processes min", "processes", 160),
        new Reported("threads max", "threads", 300))));
  }

  @Test
  void aRequestWithNoModelsCallOrWithTwoIsNoModelsRun() {
    // A plain GET (no downloadAll running) and a GET while two models' calls were on stacks (one of them kept
    // waiting, to lend its frame) belong to no row.
    RunWindows windows = RunWindows.of(RUNS, Map.of(1, Set.of("threads", "async")), 0, 910 * MS);
    for (String model : List.of("threads", "processes", "async")) {
      assertEquals(Optional.of(List.of(new Reported(model, model, 280))),
          windows.unexplained(List.of(new Reported(model, model, 280))));
    }
  }
}
