package grader.report;

import java.math.BigDecimal;

/**
 * Numbers as every report and page writes them: {@code 87.5}, {@code 25}, {@code 5.1 s}. The one
 * score formatter of the grader (terminal, Markdown, XML, Gradescope, the batch's pages and files).
 */
public final class Points {
  private Points() {}

  /** Plain decimal without trailing zeros: {@code 20} (never {@code 2E+1}), {@code 87.5}; nothing for no value. */
  public static String format(BigDecimal value) {
    if (value == null) {
      return "";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** {@code 20 / 25}. */
  public static String of(BigDecimal score, BigDecimal max) {
    return format(score) + " / " + format(max);
  }

  /** {@code 812 ms} under a second, else seconds with one decimal: {@code 5.1 s}. */
  public static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    return BigDecimal.valueOf(millis).movePointLeft(3).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " s";
  }

  /** Seconds with millisecond precision, as JUnit XML and Gradescope want them: {@code 0.812}. */
  public static String seconds(long millis) {
    return BigDecimal.valueOf(millis).movePointLeft(3).setScale(3, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }
}
