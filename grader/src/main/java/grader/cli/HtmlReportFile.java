package grader.cli;

import grader.report.HtmlReport;
import grader.scorecard.Scorecard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the HTML report next to the scorecard ({@code report.html}), atomically. */
final class HtmlReportFile {
  static final String NAME = "report.html";

  private HtmlReportFile() {}

  /** The page's absolute path. */
  static Path write(Scorecard scorecard, Path scorecardFile) throws IOException {
    Path page = scorecardFile.toAbsolutePath().resolveSibling(NAME);
    Files.createDirectories(page.getParent());
    Path tmp = Files.createTempFile(page.getParent(), ".report", ".tmp");
    try {
      Files.writeString(tmp, new HtmlReport().render(scorecard));
      Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return page;
  }
}
