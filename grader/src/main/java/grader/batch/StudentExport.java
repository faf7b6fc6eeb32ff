package grader.batch;

import grader.scorecard.Scorecard;
import java.util.Objects;
import java.util.function.Function;

/**
 * An extra file written into each graded student's folder from the scorecard, e.g. Gradescope's
 * {@code results.json}.
 */
public record StudentExport(String fileName, Function<Scorecard, String> render) {
  public StudentExport {
    Objects.requireNonNull(fileName, "fileName must not be null");
    Objects.requireNonNull(render, "render must not be null");
    if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")
        || StudentFolder.RESERVED.contains(fileName)) {
      throw new IllegalArgumentException("export file name '" + fileName + "' must be a plain, unreserved file name");
    }
  }
}
