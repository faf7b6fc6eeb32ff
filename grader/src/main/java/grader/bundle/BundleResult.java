package grader.bundle;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A written bundle: the zip, its {@code .sha256} file, the digest, the entries it holds, and the
 * points per exercise held back from it (hidden tests; empty when there are none).
 */
public record BundleResult(Path zip, Path sha256File, String sha256, List<String> entries,
    Map<String, BigDecimal> heldBackPoints) {
  public BundleResult {
    entries = List.copyOf(entries);
    heldBackPoints = Map.copyOf(heldBackPoints);
  }
}
