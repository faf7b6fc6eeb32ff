package grader.report.timeline;

import java.util.ArrayList;
import java.util.List;

/** Maps milliseconds to x in pixels, with round tick steps (1, 2 or 5 times a power of ten). */
final class TimeAxis {
  private static final int TARGET_TICKS = 8;

  private final double endMs;
  private final double left;
  private final double right;

  TimeAxis(double endMs, double left, double right) {
    this.endMs = endMs <= 0 ? 1 : endMs;
    this.left = left;
    this.right = right;
  }

  /** The axis end for data up to {@code maxMs}: the next multiple of the tick step. */
  static double niceEnd(double maxMs) {
    if (maxMs <= 0) {
      return 1;
    }
    double step = step(maxMs);
    return Math.ceil(maxMs / step) * step;
  }

  private static double step(double rangeMs) {
    double raw = rangeMs / TARGET_TICKS;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double factor : new double[] {1, 2, 5, 10}) {
      if (raw <= factor * power) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  double x(double ms) {
    return left + (right - left) * Math.min(ms, endMs) / endMs;
  }

  List<Double> ticks() {
    double step = step(endMs);
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; i * step <= endMs + step / 1000; i++) {
      ticks.add(i * step);
    }
    return ticks;
  }
}
