package grader.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link BundleWriter} packs: the grader installation (the folder holding {@code grader.jar},
 * normally {@code grader/target}), the folder the zip goes to, and the documents put at the zip's
 * root under their own file names (the bundle's README, the licence).
 */
public record BundleRequest(Path installation, Path outputDirectory, String version, List<Path> documents) {
  public BundleRequest {
    Objects.requireNonNull(installation, "installation must not be null");
    Objects.requireNonNull(outputDirectory, "outputDirectory must not be null");
    Objects.requireNonNull(version, "version must not be null");
    if (!version.matches("[0-9A-Za-z][0-9A-Za-z.+_-]*")) {
      throw new IllegalArgumentException("version must be like 0.1.0 or 0.1.0-SNAPSHOT, was \"" + version + "\"");
    }
    documents = List.copyOf(documents);
  }

  /** {@code concurrency-grader-<version>.zip}. */
  public String zipName() {
    return "concurrency-grader-" + version + ".zip";
  }
}
