package grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zipped submission, read in place: entries are streamed from the archive and nothing is ever
 * extracted by name. Unsafe names ({@code ..}, absolute, control characters) are refused here; links
 * are recognised from the Unix mode in the central directory. One reader (Apache Commons Compress)
 * gives the names, the modes and the contents, so a link is recognised whatever its name's encoding.
 */
final class ZipSource implements SubmissionSource {
  private static final Charset CODE_PAGE_437 = Charset.forName("IBM437");

  private final ZipFile zip;
  private final NavigableMap<String, ZipArchiveEntry> files = new TreeMap<>();
  private final NavigableMap<String, OfferedFile> offered = new TreeMap<>();
  private final NavigableSet<String> folders = new TreeSet<>();
  private final List<String> refusals = new ArrayList<>();

  private ZipSource(ZipFile zip, String fileName, int maxEntries) throws IntakeException {
    this.zip = zip;
    List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
    if (entries.size() > maxEntries) {
      throw new IntakeException("the zip has more than " + maxEntries + " entries: submit only your sources and REPORT.md");
    }
    Charset unflagged = unflaggedNameCharset(entries);
    for (ZipArchiveEntry entry : entries) {
      String raw;
      try {
        raw = decode(entry.getRawName(), entry.getGeneralPurposeBit().usesUTF8ForNames() ? StandardCharsets.UTF_8 : unflagged);
      } catch (CharacterCodingException e) {
        throw new IntakeException(fileName + " is not a valid zip file (an entry marked UTF-8 has a name that is not UTF-8):"
            + " zip the folder again, e.g. with `zip -r submission.zip src REPORT.md`", e);
      }
      Optional<String> path = normalise(raw);
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
        OfferedFile.Kind kind = entry.isUnixSymlink() ? OfferedFile.Kind.SYMBOLIC_LINK : OfferedFile.Kind.REGULAR;
        offered.put(name, new OfferedFile(name, kind, entry.getSize()));
      }
    }
  }

  /**
   * The charset of the names without the UTF-8 flag: UTF-8 if every such name is valid UTF-8 (most
   * tools write UTF-8 without saying so), else code page 437, the zip format's original charset.
   */
  private static Charset unflaggedNameCharset(List<ZipArchiveEntry> entries) {
    for (ZipArchiveEntry entry : entries) {
      if (!entry.getGeneralPurposeBit().usesUTF8ForNames()) {
        try {
          decode(entry.getRawName(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
          return CODE_PAGE_437;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String decode(byte[] name, Charset charset) throws CharacterCodingException {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
  }

  /** Opens {@code file} as a zip; names are UTF-8 where the archive says so, else code page 437 if UTF-8 fails. */
  static ZipSource open(Path file, int maxEntries) throws IOException, IntakeException {
    ZipFile zip;
    try {
      // Unicode extra fields are ignored: the name the student's tool shows is the one in the header.
      zip = ZipFile.builder().setPath(file).setCharset(StandardCharsets.UTF_8).setUseUnicodeExtraFields(false).get();
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IntakeException(file.getFileName() + " is not a valid zip file (" + e.getMessage()
          + "): zip the folder again, e.g. with `zip -r submission.zip src REPORT.md`", e);
    }
    try {
      return new ZipSource(zip, String.valueOf(file.getFileName()), maxEntries);
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
    ZipArchiveEntry entry = files.get(file.path());
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
