package grader.cli;

import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the scorecard and its exports atomically, so a reader never sees half a file. */
final class ReportFiles {
  private ReportFiles() {}

  static void writeScorecard(Scorecard scorecard, Path file) throws IOException {
    ScorecardJson.write(scorecard, file);
  }

  static void write(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, content);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
