package grader.report;

import java.math.BigDecimal;

/** Numbers as every report writes them: {@code 87.5}, {@code 25}, {@code 5.1 s}. */
public final class Points {
  private Points() {}

  /** Plain decimal without trailing zeros: {@code 20}, {@code 87.5}. */
  public static String format(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** {@code 20 / 25}. */
  static String of(BigDecimal score, BigDecimal max) {
    return format(score) + " / " + format(max);
  }

  /** {@code 812 ms} under a second, else seconds with one decimal: {@code 5.1 s}. */
  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    return BigDecimal.valueOf(millis).movePointLeft(3).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " s";
  }

  /** Seconds with millisecond precision, as JUnit XML and Gradescope want them: {@code 0.812}. */
  static String seconds(long millis) {
    return BigDecimal.valueOf(millis).movePointLeft(3).setScale(3, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }
}
