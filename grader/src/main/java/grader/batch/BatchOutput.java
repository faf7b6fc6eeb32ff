package grader.batch;

import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The top level of a batch output folder: {@code summary.csv}, {@code summary.json}, the gradebook
 * {@code index.html} and {@code batch.json}, each written atomically.
 */
public final class BatchOutput {
  public static final String CSV = "summary.csv";
  public static final String JSON = "summary.json";
  public static final String PAGE = "index.html";

  private final Path dir;

  public BatchOutput(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public StudentFolder student(String id) {
    if (!StudentIdPolicy.isValid(id)) {
      throw new IllegalArgumentException("'" + id + "' is not a student id");
    }
    return new StudentFolder(dir.resolve(id));
  }

  public void writeSummary(BatchSummary summary) throws IOException {
    AtomicFileWriter.write(dir.resolve(CSV), new SummaryCsvWriter().render(summary));
    AtomicFileWriter.write(dir.resolve(JSON), new SummaryJsonWriter().render(summary));
    AtomicFileWriter.write(dir.resolve(PAGE), new GradebookPageWriter().render(summary));
  }

  public void writeManifest(BatchManifest manifest) throws IOException {
    AtomicFileWriter.write(dir.resolve(BatchManifest.FILE), ScorecardJson.mapper().writeValueAsString(manifest) + "\n");
  }

  public BatchManifest readManifest() throws BatchInputException, IOException {
    Path file = dir.resolve(BatchManifest.FILE);
    if (!Files.isRegularFile(file)) {
      throw new BatchInputException(dir + " is not a batch output: it has no " + BatchManifest.FILE
          + " (was it written by `grader batch`, and did that run start?)");
    }
    return ScorecardJson.mapper().readValue(file.toFile(), BatchManifest.class);
  }
}
