package grader.suites.compare;

import grader.suites.support.ServerGate.Exchange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 *
 * <p>A run is also its model's: a number of a row fits only a request that arrived while that
 * model's {@code downloadAll}, and no other model's, was running ({@link ModelFrames}). Without
 * that, a benchmark that runs no downloader could send plain GETs with long sleeps around them:
 * each window then reaches from the request's stay to beyond the longest stay, and invented
 * numbers above the longest stay fit every window.
 */
final class RunWindows {
  /** Whole milliseconds on both sides: the student may round either way. */
  static final double ROUNDING_MILLIS = 1.0;

  /** One request's window, in milliseconds, and the models whose downloadAll ran when it arrived. */
  record Window(double shortest, double longest, Set<String> models) {
    Window {
      models = Set.copyOf(models);
    }

    /** Whether this request belongs to a run of {@code model}: its call, and only its, was running. */
    boolean ranBy(String model) {
      return models.equals(Set.of(model));
    }
  }

  /** One reported time: which row and column it came from, the row's model, and its value. */
  record Reported(String label, String model, double millis) {
    Reported {
      Objects.requireNonNull(label, "label must not be null");
      Objects.requireNonNull(model, "model must not be null");
    }
  }

  private final List<Window> windows;

  private RunWindows(List<Window> windows) {
    this.windows = List.copyOf(windows);
  }

  /**
   * The windows of {@code exchanges} (in order of arrival) in a benchmark that ran from start to
   * end; {@code modelsAtArrival} maps a request's number of arrival (from 0) to the models running
   * when it arrived (none if absent).
   */
  static RunWindows of(List<Exchange> exchanges, Map<Integer, Set<String>> modelsAtArrival, long startNanos,
      long endNanos) {
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
      windows.add(new Window(server - ROUNDING_MILLIS, longest + ROUNDING_MILLIS,
          modelsAtArrival.getOrDefault(k, Set.of())));
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
      if (visited[k] || !window.ranBy(reported.get(i).model()) || millis < window.shortest()
          || millis > window.longest()) {
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

  /** "request 1 (threads): 152-160 ms, request 2 (no model's downloadAll): ..." for feedback. */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < windows.size(); k++) {
      Window window = windows.get(k);
      String models = window.models().isEmpty() ? "no model's downloadAll" : String.join(" and ", new java.util.TreeSet<>(window.models()));
      parts.add(String.format(Locale.ROOT, "request %d (%s): %.0f-%.0f ms", k + 1, models,
          window.shortest() + ROUNDING_MILLIS, window.longest() - ROUNDING_MILLIS));
    }
    return String.join(", ", parts);
  }
}
