package grader.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A submission as a tree of {@code /}-separated relative paths, whether it is a folder or a zip,
 * so intake applies one set of rules to both.
 */
sealed interface SubmissionSource extends Closeable permits FolderSource, ZipSource {

  /** The names of the folders directly in {@code folder} ({@code ""} is the top), sorted; links excluded. */
  List<String> subfolders(String folder) throws IOException;

  boolean isFolder(String path) throws IOException;

  /** Every entry at or below {@code prefix} (a folder path ending in {@code /}, or a file path), sorted. */
  List<OfferedFile> entries(String prefix) throws IOException, IntakeException;

  InputStream open(OfferedFile file) throws IOException;

  /** Entries refused while reading the submission's listing (unsafe names), as messages. */
  List<String> refusals();

  @Override
  void close() throws IOException;
}
