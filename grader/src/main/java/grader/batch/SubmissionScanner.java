package grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Finds the students' submissions in a batch folder: one subfolder (a plain folder or a git
 * checkout) or one zip per student, as an LMS download lays them out.
 *
 * <p>Inside a student's entry, LMS wrappers are unwrapped: while a folder holds neither {@code src}
 * nor {@code REPORT.md} and has exactly one visible entry, that entry (a folder or a zip) is what
 * gets graded; a clone of the whole project is graded by its {@code exercises/} folder. Hidden entries, {@code __MACOSX} and Moodle's online-text folders are ignored; loose
 * files other than zips are skipped with a note. Symbolic links are never followed.
 */
public final class SubmissionScanner {
  private static final int MAX_UNWRAP_DEPTH = 6;
  private final StudentIdPolicy ids;

  public SubmissionScanner(StudentIdPolicy ids) {
    this.ids = ids;
  }

  /**
   * Lists the submissions in {@code folder}, sorted by id.
   *
   * @param notes receives one line per entry that was skipped, saying why
   */
  public List<StudentSubmission> scan(Path folder, Consumer<String> notes) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("submissions folder " + folder + " does not exist or is not a folder");
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        if (isIgnorable(name)) {
          continue;
        }
        if (Files.isSymbolicLink(child)) {
          notes.accept("skipped " + name + ": a symbolic link (links are never followed)");
        } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          if (name.toLowerCase(Locale.ROOT).contains("_assignsubmission_onlinetext")) {
            notes.accept("skipped " + name + ": a Moodle online-text folder, not a code submission");
          } else {
            entries.add(child);
          }
        } else if (isZip(name) && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
          entries.add(child);
        } else {
          notes.accept("skipped " + name + ": neither a folder nor a .zip");
        }
      }
    }
    Map<String, String> assigned = ids.assign(entries.stream().map(p -> p.getFileName().toString()).toList());
    List<StudentSubmission> submissions = new ArrayList<>();
    for (Path entry : entries) {
      String source = entry.getFileName().toString();
      StudentSubmission found = inspect(assigned.get(source), source, entry);
      java.util.Optional<String> ambiguity = ids.ambiguity(source);
      if (ambiguity.isPresent()) {
        notes.accept("id " + found.id() + " for " + source + ": " + ambiguity.get());
        found = new StudentSubmission(found.id(), found.source(), found.path(), found.problem(), ambiguity.get());
      }
      submissions.add(found);
    }
    submissions.sort(Comparator.comparing(StudentSubmission::id));
    return List.copyOf(submissions);
  }

  private static StudentSubmission inspect(String id, String source, Path entry) throws IOException {
    Path root = unwrap(entry);
    if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      String problem = hasAnyFile(root) ? null : "empty submission: the folder '" + source + "' contains no files";
      return new StudentSubmission(id, source, root, problem);
    }
    return new StudentSubmission(id, source, root, zipProblem(root, entry.equals(root) ? source : entry.relativize(root).toString()));
  }

  /** Descends through LMS wrapper folders to the folder or zip that holds the submission. */
  static Path unwrap(Path entry) throws IOException {
    Path current = entry;
    for (int depth = 0; depth < MAX_UNWRAP_DEPTH && Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS); depth++) {
      if (Files.isDirectory(current.resolve("src"), LinkOption.NOFOLLOW_LINKS)
          || Files.exists(current.resolve("REPORT.md"), LinkOption.NOFOLLOW_LINKS)) {
        return current;
      }
      // A student who hands in a clone of the whole project: grade its exercises/ module.
      if (Files.isDirectory(current.resolve("exercises").resolve("src"), LinkOption.NOFOLLOW_LINKS)) {
        return current.resolve("exercises");
      }
      List<Path> visible;
      try (Stream<Path> children = Files.list(current)) {
        visible = children.filter(p -> !isIgnorable(p.getFileName().toString())).toList();
      }
      if (visible.size() != 1) {
        return current;
      }
      Path only = visible.get(0);
      boolean folder = Files.isDirectory(only, LinkOption.NOFOLLOW_LINKS);
      boolean zip = isZip(only.getFileName().toString()) && Files.isRegularFile(only, LinkOption.NOFOLLOW_LINKS);
      if (!folder && !zip) {
        return current;
      }
      current = only;
    }
    return current;
  }

  private static boolean hasAnyFile(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.anyMatch(p -> !p.equals(folder) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
          && !isIgnorable(p.getFileName().toString()));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String zipProblem(Path zip, String shownName) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      return file.size() == 0 ? "empty submission: the zip '" + shownName + "' has no entries" : null;
    } catch (ZipException e) {
      return "not a readable zip archive: '" + shownName + "' (" + e.getMessage()
          + "); re-create it with a zip tool and submit again";
    } catch (IOException e) {
      return "cannot read '" + shownName + "': " + e.getMessage();
    }
  }

  static boolean isZip(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  static boolean isIgnorable(String name) {
    return name.startsWith(".") || name.equals("__MACOSX") || name.equalsIgnoreCase("Thumbs.db")
        || name.equalsIgnoreCase("desktop.ini");
  }
}
