package grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A submission folder. Every path is checked one segment at a time without following links, so a
 * link anywhere in the tree (to another student, to the grader's home) is seen, never followed.
 */
final class FolderSource implements SubmissionSource {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private final Path base;
  private final int maxEntries;

  FolderSource(Path base, int maxEntries) {
    this.base = base;
    this.maxEntries = maxEntries;
  }

  @Override
  public List<String> subfolders(String folder) throws IOException {
    if (!folder.isEmpty() && !isFolder(folder)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(resolve(folder))) {
      for (Path child : children) {
        if (Files.isDirectory(child, NOFOLLOW)) {
          names.add(child.getFileName().toString());
        }
      }
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }

  @Override
  public boolean isFolder(String path) {
    Path current = base;
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      current = current.resolve(segment);
      if (!Files.isDirectory(current, NOFOLLOW)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<OfferedFile> entries(String prefix) throws IOException, IntakeException {
    List<OfferedFile> found = new ArrayList<>();
    int cut = prefix.lastIndexOf('/');
    if (cut >= 0 && !isFolder(prefix.substring(0, cut))) {
      return found;
    }
    Path start = resolve(prefix);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(start, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return found;
    }
    if (!attributes.isDirectory()) {
      found.add(offered(start, attributes));
      return found;
    }
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          found.add(offered(file, attrs));
          return found.size() > maxEntries ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          found.add(new OfferedFile(relative(file), OfferedFile.Kind.OTHER, 0));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new IOException("cannot list " + prefix + ": " + e.getMessage(), e);
    }
    if (found.size() > maxEntries) {
      throw new IntakeException("the submission has more than " + maxEntries + " files under " + prefix
          + ": submit only your sources and REPORT.md");
    }
    found.sort(Comparator.comparing(OfferedFile::path));
    return found;
  }

  @Override
  public InputStream open(OfferedFile file) throws IOException {
    // NOFOLLOW_LINKS as an open option (O_NOFOLLOW): a file swapped for a link after listing is refused.
    return Files.newInputStream(resolve(file.path()), NOFOLLOW);
  }

  @Override
  public List<String> refusals() {
    return List.of();
  }

  @Override
  public void close() {}

  private OfferedFile offered(Path file, BasicFileAttributes attributes) {
    OfferedFile.Kind kind = attributes.isSymbolicLink() ? OfferedFile.Kind.SYMBOLIC_LINK
        : attributes.isRegularFile() ? OfferedFile.Kind.REGULAR : OfferedFile.Kind.OTHER;
    return new OfferedFile(relative(file), kind, attributes.size());
  }

  private Path resolve(String path) {
    return path.isEmpty() ? base : base.resolve(path);
  }

  private String relative(Path file) {
    return base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }
}
