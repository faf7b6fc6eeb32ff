package grader.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sizes as people read them in a refusal message: {@code 512 bytes}, {@code 3 KB}, {@code 1.5 MB}. */
final class ByteSize {
  private ByteSize() {}

  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < 1024 * 1024) {
      return scaled(bytes, 1024) + " KB";
    }
    return scaled(bytes, 1024 * 1024) + " MB";
  }

  private static String scaled(long bytes, long unit) {
    return BigDecimal.valueOf(bytes)
        .divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
