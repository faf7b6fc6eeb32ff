package grader.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds batch folders for tests: folders and zips with given files. */
final class BatchFolders {
  private BatchFolders() {}

  static Path folder(Path parent, String name, Map<String, String> files) throws IOException {
    Path dir = parent.resolve(name);
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    return dir;
  }

  static Path zip(Path parent, String name, Map<String, String> files) throws IOException {
    Path zip = parent.resolve(name);
    Files.createDirectories(parent);
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        z.putNextEntry(new ZipEntry(f.getKey()));
        z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return zip;
  }

  static String verdicts(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static final String FULL = verdicts("threads overlap passed", "threads order passed", "async fast passed");
  static final String HALF = verdicts("threads overlap failed", "threads order passed", "async fast timed_out");
}
