package grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A zipped submission, read in place: entries are streamed from the archive and nothing is ever
 * extracted by name. Unsafe names ({@code ..}, absolute, control characters) are refused here; links
 * are recognised from the Unix mode in the central directory.
 */
final class ZipSource implements SubmissionSource {
  private final ZipFile zip;
  private final NavigableMap<String, ZipEntry> files = new TreeMap<>();
  private final NavigableMap<String, OfferedFile> offered = new TreeMap<>();
  private final NavigableSet<String> folders = new TreeSet<>();
  private final List<String> refusals = new ArrayList<>();

  private ZipSource(ZipFile zip, int maxEntries) throws IntakeException {
    this.zip = zip;
    Set<String> links = ZipLinks.read(Path.of(zip.getName()));
    Enumeration<? extends ZipEntry> entries = zip.entries();
    int count = 0;
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      if (++count > maxEntries) {
        throw new IntakeException("the zip has more than " + maxEntries + " entries: submit only your sources and REPORT.md");
      }
      Optional<String> path = normalise(entry.getName());
      if (path.isEmpty()) {
        continue;
      }
      String name = path.get();
      addParents(name);
      if (entry.isDirectory()) {
        folders.add(name);
      } else if (files.containsKey(name)) {
        refusals.add("skipped " + name + ": the zip holds it twice; the first copy was kept");
      } else {
        files.put(name, entry);
        OfferedFile.Kind kind = links.contains(entry.getName()) ? OfferedFile.Kind.SYMBOLIC_LINK : OfferedFile.Kind.REGULAR;
        offered.put(name, new OfferedFile(name, kind, entry.getSize()));
      }
    }
  }

  /** Opens {@code file} as a zip; names are UTF-8 where the archive says so, else code page 437 if UTF-8 fails. */
  static ZipSource open(Path file, int maxEntries) throws IOException, IntakeException {
    ZipException utf8Failure;
    try {
      return openWith(file, StandardCharsets.UTF_8, maxEntries);
    } catch (ZipException | IllegalArgumentException e) {
      utf8Failure = e instanceof ZipException ? (ZipException) e : new ZipException(e.getMessage());
    }
    try {
      return openWith(file, Charset.forName("IBM437"), maxEntries);
    } catch (ZipException | IllegalArgumentException e) {
      throw new IntakeException(file.getFileName() + " is not a valid zip file (" + utf8Failure.getMessage()
          + "): zip the folder again, e.g. with `zip -r submission.zip src REPORT.md`", e);
    }
  }

  private static ZipSource openWith(Path file, Charset charset, int maxEntries) throws IOException, IntakeException {
    ZipFile zip = new ZipFile(file.toFile(), charset);
    try {
      return new ZipSource(zip, maxEntries);
    } catch (IntakeException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  private Optional<String> normalise(String raw) {
    // Windows tools (PowerShell's Compress-Archive) write backslashes as separators.
    String name = raw.replace('\\', '/');
    String shown = printable(raw);
    if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
      refusals.add("skipped " + shown + ": absolute paths are not allowed in a submission");
      return Optional.empty();
    }
    if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      refusals.add("skipped " + shown + ": control characters in a file name");
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        refusals.add("skipped " + shown + ": a path with '..' would leave the submission folder");
        return Optional.empty();
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
  }

  private void addParents(String path) {
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      folders.add(path.substring(0, slash));
    }
  }

  static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().limit(200).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return name.length() > 200 ? out + "..." : out.toString();
  }

  @Override
  public List<String> subfolders(String folder) {
    String prefix = folder.isEmpty() ? "" : stripSlash(folder) + "/";
    List<String> names = new ArrayList<>();
    for (String candidate : folders.tailSet(prefix, true)) {
      if (!candidate.startsWith(prefix)) {
        break;
      }
      String rest = candidate.substring(prefix.length());
      if (!rest.isEmpty() && rest.indexOf('/') < 0 && !files.containsKey(candidate)) {
        names.add(rest);
      }
    }
    return names;
  }

  @Override
  public boolean isFolder(String path) {
    String folder = stripSlash(path);
    return folder.isEmpty() || (folders.contains(folder) && !offered.containsKey(folder));
  }

  @Override
  public List<OfferedFile> entries(String prefix) {
    List<OfferedFile> found = new ArrayList<>();
    if (!prefix.endsWith("/")) {
      Optional.ofNullable(offered.get(prefix)).ifPresent(found::add);
      return found;
    }
    for (Map.Entry<String, OfferedFile> entry : offered.tailMap(prefix, true).entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        break;
      }
      found.add(entry.getValue());
    }
    return found;
  }

  @Override
  public InputStream open(OfferedFile file) throws IOException {
    ZipEntry entry = files.get(file.path());
    if (entry == null) {
      throw new IOException("no entry " + file.path());
    }
    return zip.getInputStream(entry);
  }

  @Override
  public List<String> refusals() {
    return List.copyOf(refusals);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  private static String stripSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
