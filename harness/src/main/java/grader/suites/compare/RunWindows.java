package grader.suites.compare;

import grader.suites.support.ServerGate.Exchange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a benchmark's numbers against the server's timeline: each reported time must be the time
 * of one run, and the runs' downloads are what the server saw.
 *
 * <p>With one URL, a run is one request. Runs follow one another, so run {@code k} began after the
 * server answered the previous request (the gate let it go; no byte of that response left
 * before) and ended before the next request arrived, and it contained its own request from
 * arrival to answer. Its true time therefore lies in the window {@code [answer k - arrival k, next
 * arrival - previous answer]} (the benchmark's start and end close the first and last window). That holds on any machine under any load, so a correct
 * benchmark always passes; a number that fits no window, or more numbers than runs fit, was not
 * measured. Each number must be matched to a run of its own (bipartite matching), since nine runs
 * give nine numbers; extra requests (a warm-up) are allowed.
 */
final class RunWindows {
  /** Whole milliseconds on both sides: the student may round either way. */
  static final double ROUNDING_MILLIS = 1.0;

  /** One request's window, in milliseconds. */
  record Window(double shortest, double longest) {}

  /** One reported time: which row and column it came from, and its value. */
  record Reported(String label, double millis) {
    Reported {
      Objects.requireNonNull(label, "label must not be null");
    }
  }

  private final List<Window> windows;

  private RunWindows(List<Window> windows) {
    this.windows = List.copyOf(windows);
  }

  /** The windows of {@code exchanges} (in order of arrival) in a benchmark that ran from start to end. */
  static RunWindows of(List<Exchange> exchanges, long startNanos, long endNanos) {
    List<Window> windows = new ArrayList<>();
    for (int k = 0; k < exchanges.size(); k++) {
      Exchange exchange = exchanges.get(k);
      if (!exchange.answered()) {
        continue; // never answered: no run can have measured it
      }
      long opened = k == 0 || !exchanges.get(k - 1).answered() ? startNanos : exchanges.get(k - 1).answeredNanos();
      long closed = k == exchanges.size() - 1 ? endNanos : exchanges.get(k + 1).arrivedNanos();
      double server = (exchange.answeredNanos() - exchange.arrivedNanos()) / 1e6;
      double longest = Math.max(server, (closed - Math.min(opened, exchange.arrivedNanos())) / 1e6);
      windows.add(new Window(server - ROUNDING_MILLIS, longest + ROUNDING_MILLIS));
    }
    return new RunWindows(windows);
  }

  List<Window> windows() {
    return windows;
  }

  /** The reported times that cannot all be runs the server saw, or empty if every one is. */
  Optional<List<Reported>> unexplained(List<Reported> reported) {
    int[] runOf = new int[reported.size()];
    Arrays.fill(runOf, -1);
    int[] numberOf = new int[windows.size()];
    Arrays.fill(numberOf, -1);
    List<Reported> unmatched = new ArrayList<>();
    for (int i = 0; i < reported.size(); i++) {
      if (!augment(i, reported, numberOf, new boolean[windows.size()])) {
        unmatched.add(reported.get(i));
      }
    }
    return unmatched.isEmpty() ? Optional.empty() : Optional.of(unmatched);
  }

  /** Kuhn's augmenting path: finds number {@code i} a run, moving earlier matches where needed. */
  private boolean augment(int i, List<Reported> reported, int[] numberOf, boolean[] visited) {
    double millis = reported.get(i).millis();
    for (int k = 0; k < windows.size(); k++) {
      Window window = windows.get(k);
      if (visited[k] || millis < window.shortest() || millis > window.longest()) {
        continue;
      }
      visited[k] = true;
      if (numberOf[k] < 0 || augment(numberOf[k], reported, numberOf, visited)) {
        numberOf[k] = i;
        return true;
      }
    }
    return false;
  }

  /** "run 1: 152-160 ms, run 2: ..." for feedback. */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < windows.size(); k++) {
      Window window = windows.get(k);
      parts.add(String.format(Locale.ROOT, "request %d: %.0f-%.0f ms", k + 1, window.shortest() + ROUNDING_MILLIS,
          window.longest() - ROUNDING_MILLIS));
    }
    return String.join(", ", parts);
  }
}
