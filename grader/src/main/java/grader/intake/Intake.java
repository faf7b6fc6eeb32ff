package grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Copies what is graded from a submission (a folder or a zip) into a private folder: the sources
 * under {@code src/main/java} and {@code REPORT.md}, nothing else.
 *
 * <p>The submission is untrusted. Links are never followed, zip entries never leave the
 * destination, counts and sizes are capped while reading (a zip's declared sizes are not believed),
 * sources in reserved packages are refused, and the classes the rubric provides ready-made (its
 * {@code "provided"}, e.g. compare's {@code Downloader}) are the grader's own copies. Every file skipped or changed leaves a message for the scorecard.
 */
public final class Intake {
  /** The layout a student is told about whenever a submission cannot be read. */
  static final String EXPECTED_LAYOUT = "expected a folder shaped like exercises/: the sources under "
      + "src/main/java/exercises/<exercise>/ (for example src/main/java/exercises/threads/SleepyThreads.java) "
      + "and REPORT.md at its root, or a .zip of that folder";

  static final String SOURCES = "src/main/java/";
  static final String REPORT = "REPORT.md";
  /** The grader's copies of the provided classes: {@code /grader/provided/<package path>/<Class>.java}. */
  private static final String PROVIDED_RESOURCES = "/grader/provided/";
  static final String MODULE_DECLARATION = "module-info.java";
  private static final int MAX_ENTRIES = 100_000;
  private static final int MAX_NESTING = 3;
  private static final int MAX_REFUSALS = 30;
  /** What every Linux file system stores in one name (NAME_MAX). */
  static final int MAX_NAME_BYTES = 255;
  /** Far below PATH_MAX, so the work folder's own path always fits in front of it. */
  static final int MAX_PATH_BYTES = 1024;
  static final int MAX_PATH_DEPTH = 32;
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final IntakePolicy policy;
  /** The source paths of the provided classes ({@code src/main/java/exercises/compare/Downloader.java}). */
  private final List<String> provided;

  /**
   * @param providedClasses the classes handed to students ready-made ({@code Rubric.providedClasses()}):
   *     a submission's copy is replaced by the grader's, and one is added where the exercise's
   *     package has sources but lacks it
   */
  public Intake(IntakePolicy policy, List<String> providedClasses) {
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.provided = providedClasses.stream().map(name -> SOURCES + name.replace('.', '/') + ".java").toList();
    provided.forEach(Intake::providedCopy);
  }

  /**
   * Copies {@code submission} into {@code destination}, which must be empty or not exist yet.
   *
   * @throws IntakeException if the submission cannot be graded at all; the message is for the student
   * @throws UncheckedIOException if the destination cannot be written (a grader problem)
   */
  public IntakeResult copy(Path submission, Path destination) throws IntakeException {
    Objects.requireNonNull(submission, "submission must not be null");
    Objects.requireNonNull(destination, "destination must not be null");
    prepare(destination);
    String name = String.valueOf(submission.getFileName());
    try (SubmissionSource source = open(submission)) {
      String root = locateRoot(source, name);
      Run run = new Run(source, root, destination);
      run.collect();
      return run.finish(name);
    } catch (IOException e) {
      throw new IntakeException("cannot read the submission " + name + ": " + withoutHostPaths(e, submission,
          destination), e);
    }
  }

  private static SubmissionSource open(Path submission) throws IOException, IntakeException {
    if (Files.isDirectory(submission)) {
      // The path we are given is trusted (the instructor or the student chose it); what is inside is not.
      return new FolderSource(submission.toRealPath(), MAX_ENTRIES);
    }
    if (!Files.exists(submission)) {
      throw new IntakeException(submission + " does not exist: " + EXPECTED_LAYOUT);
    }
    if (!Files.isRegularFile(submission) || !looksLikeZip(submission)) {
      throw new IntakeException(submission.getFileName() + " is not a zip file (nor a folder): " + EXPECTED_LAYOUT);
    }
    return ZipSource.open(submission, MAX_ENTRIES);
  }

  private static boolean looksLikeZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
          && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
    }
  }

  private static void prepare(Path destination) {
    try {
      Files.createDirectories(destination);
      try (Stream<Path> children = Files.list(destination)) {
        if (children.findAny().isPresent()) {
          throw new IllegalArgumentException("destination must be empty: " + destination);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the work folder " + destination, e);
    }
  }

  /**
   * Finds the folder that holds {@code src/main/java}: the top, or the one folder that has it within
   * a few levels (a zip of the folder, an LMS download that wraps each submission in folders).
   */
  private static String locateRoot(SubmissionSource source, String name) throws IOException, IntakeException {
    List<String> level = List.of("");
    for (int depth = 0; depth <= MAX_NESTING && !level.isEmpty(); depth++) {
      List<String> found = new ArrayList<>();
      for (String folder : level) {
        if (source.isFolder(folder + SOURCES)) {
          found.add(folder);
        }
      }
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        throw new IntakeException(name + " holds several submissions (" + String.join(", ", found)
            + "): submit one; " + EXPECTED_LAYOUT);
      }
      List<String> next = new ArrayList<>();
      for (String folder : level) {
        for (String child : source.subfolders(folder)) {
          if (!child.startsWith(".") && !child.equals("__MACOSX") && next.size() < 1000) {
            next.add(folder + child + "/");
          }
        }
      }
      level = next;
    }
    List<String> top = new ArrayList<>(source.subfolders(""));
    String contents = top.isEmpty() ? "it has no folders"
        : "it has " + top.stream().limit(10).map(f -> f + "/").collect(Collectors.joining(", "))
            + (top.size() > 10 ? ", ..." : "");
    throw new IntakeException(name + " has no src/main/java folder (" + contents + "): " + EXPECTED_LAYOUT);
  }

  /** One copy: collects the accepted files in path order, then writes and hashes them. */
  private final class Run {
    private final SubmissionSource source;
    private final String root;
    private final Path destination;
    private final Map<String, byte[]> accepted = new TreeMap<>();
    private final List<String> refusals = new ArrayList<>();
    private long totalBytes;

    Run(SubmissionSource source, String root, Path destination) {
      this.source = source;
      this.root = root;
      this.destination = destination;
      refusals.addAll(source.refusals());
    }

    void collect() throws IOException, IntakeException {
      List<OfferedFile> offered = new ArrayList<>(source.entries(root + REPORT));
      offered.addAll(source.entries(root + SOURCES));
      for (OfferedFile file : offered) {
        consider(file, file.path().substring(root.length()));
      }
      for (String path : provided) {
        String folder = path.substring(0, path.lastIndexOf('/') + 1);
        boolean hasExercise = accepted.keySet().stream().anyMatch(p -> p.startsWith(folder));
        if (hasExercise && !accepted.containsKey(path)) {
          accepted.put(path, providedCopy(path));
        }
      }
    }

    private void consider(OfferedFile file, String path) throws IOException {
      boolean javaSource = path.endsWith(".java");
      String unstorable = unstorable(path);
      if (unstorable != null && (javaSource || path.equals(REPORT))) {
        refuse(ZipSource.printable(path) + ": " + unstorable);
        return;
      }
      if (file.kind() == OfferedFile.Kind.SYMBOLIC_LINK) {
        refuse(path + ": it is a symbolic link; submit the file itself");
        return;
      }
      if (!javaSource && !path.equals(REPORT)) {
        return;
      }
      if (file.kind() != OfferedFile.Kind.REGULAR) {
        refuse(path + ": not a regular file");
        return;
      }
      if (javaSource && path.substring(path.lastIndexOf('/') + 1).equals(MODULE_DECLARATION)) {
        // It would make javac compile every exercise as one module (one missing "requires" breaks them
        // all) and could name JDK modules the harness leaves out; the classes run on the class path anyway.
        refuse(path + ": a module declaration is not part of the exercises; your classes are compiled and run "
            + "on the class path, so leave module-info.java out");
        return;
      }
      if (javaSource && ReservedPackages.isReserved(packageOfPath(path))) {
        refuse(path + ": package " + packageOfPath(path) + " is reserved for the grader and the JDK; "
            + "use a package of your own");
        return;
      }
      if (accepted.size() >= policy.maxFiles()) {
        refuse(path + ": the submission has more than " + policy.maxFiles() + " files");
        return;
      }
      if (file.size() > policy.maxFileBytes()) {
        refuse(path + ": " + ByteSize.format(file.size()) + " is over the " + ByteSize.format(policy.maxFileBytes())
            + " limit per file");
        return;
      }
      byte[] bytes;
      try (InputStream in = source.open(file)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxFileBytes() + 1));
      } catch (IOException e) {
        refuse(path + ": cannot be read (" + e.getMessage() + ")");
        return;
      }
      if (bytes.length > policy.maxFileBytes()) {
        refuse(path + ": more than " + ByteSize.format(policy.maxFileBytes()) + ", the limit per file");
        return;
      }
      if (totalBytes + bytes.length > policy.maxTotalBytes()) {
        refuse(path + ": the files together would be over the " + ByteSize.format(policy.maxTotalBytes())
            + " limit per submission");
        return;
      }
      String text = decode(bytes, path);
      if (javaSource) {
        String declared = PackageDeclaration.of(text);
        if (ReservedPackages.isReserved(declared)) {
          refuse(path + ": package " + declared + " is reserved for the grader and the JDK; use a package of your own");
          return;
        }
      }
      byte[] content = text.getBytes(StandardCharsets.UTF_8);
      if (provided.contains(path)) {
        content = providedCopy(path);
        if (!sameText(text, new String(content, StandardCharsets.UTF_8))) {
          String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
          refusals.add("replaced " + path + " with the provided copy: " + name + " is given "
              + "with the exercise and must not be changed");
        }
      }
      totalBytes += bytes.length;
      accepted.put(path, content);
    }

    /** UTF-8 as javac will read it; anything else is taken as Windows-1252 (what editors on Windows save). */
    private String decode(byte[] bytes, String path) {
      int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
          && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
      ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(buffer)
            .toString();
      } catch (CharacterCodingException e) {
        refusals.add("converted " + path + " to UTF-8 from Windows-1252: it is not valid UTF-8; "
            + "save your files as UTF-8 so every character reads as you meant it");
        return new String(bytes, start, bytes.length - start, WINDOWS_1252);
      }
    }

    private void refuse(String message) {
      refusals.add("skipped " + message);
    }

    IntakeResult finish(String name) throws IntakeException {
      Map<String, byte[]> stored = new TreeMap<>();
      for (Map.Entry<String, byte[]> file : accepted.entrySet()) {
        if (write(file.getKey(), file.getValue())) {
          stored.put(file.getKey(), file.getValue());
        }
      }
      boolean anySource = stored.keySet().stream().anyMatch(p -> p.endsWith(".java"));
      if (!anySource) {
        String why = refusals.isEmpty() ? "" : " (" + String.join("; ", refusals.subList(0, Math.min(5, refusals.size()))) + ")";
        throw new IntakeException(name + " has no Java sources under src/main/java that can be graded" + why
            + ": " + EXPECTED_LAYOUT);
      }
      MessageDigest digest = sha256();
      long written = 0;
      for (Map.Entry<String, byte[]> file : stored.entrySet()) {
        byte[] path = file.getKey().getBytes(StandardCharsets.UTF_8);
        byte[] content = file.getValue();
        // Length-prefixed path and content: no two different file sets hash alike.
        digest.update(ByteBuffer.allocate(8).putInt(path.length).putInt(content.length).array());
        digest.update(path);
        digest.update(content);
        written += content.length;
      }
      return new IntakeResult(destination, HexFormat.of().formatHex(digest.digest()), capped(refusals),
          stored.size(), written);
    }

    /**
     * Writes one accepted file; false, with a refusal, when the file system refuses what the
     * submission asks for (a file where a folder must be, a name it cannot store). A full disk is
     * the machine's problem, not the student's: it stays an error.
     */
    private boolean write(String path, byte[] content) {
      Path target = destination.resolve(path).normalize();
      if (!target.startsWith(destination)) {
        throw new IllegalStateException("refusing to write outside the work folder: " + path);
      }
      try {
        Files.createDirectories(target.getParent());
        Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileSystemException e) {
        String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        if (reason.contains("No space left") || reason.contains("quota")) {
          throw new UncheckedIOException("cannot write the work folder: " + reason, e);
        }
        if (e instanceof FileAlreadyExistsException) {
          reason = "another file of the submission has the same name as one of its folders";
        }
        refuse(ZipSource.printable(path) + ": it cannot be stored (" + reason + ")");
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the work folder: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Why a path from the submission cannot be stored on any grading machine, or null: every name at
   * most {@value #MAX_NAME_BYTES} bytes, the path at most {@value #MAX_PATH_BYTES} bytes and
   * {@value #MAX_PATH_DEPTH} folders deep, valid Unicode without NUL.
   */
  static String unstorable(String path) {
    if (path.indexOf('\0') >= 0 || path.indexOf('\uFFFD') >= 0 || !isWellFormed(path)) {
      return "its name is not valid text (an unreadable character); rename it with letters, digits and . _ -";
    }
    String[] segments = path.split("/");
    for (String segment : segments) {
      int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_NAME_BYTES) {
        return "a file or folder name of " + bytes + " bytes; names may have at most " + MAX_NAME_BYTES
            + " bytes";
      }
    }
    if (segments.length - 1 > MAX_PATH_DEPTH) {
      return "it lies " + (segments.length - 1) + " folders deep; at most " + MAX_PATH_DEPTH + " are allowed";
    }
    int bytes = path.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PATH_BYTES) {
      return "its path has " + bytes + " bytes; at most " + MAX_PATH_BYTES + " are allowed";
    }
    return null;
  }

  private static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** An I/O error's message for the student: the grader's own paths replaced by what the student knows. */
  static String withoutHostPaths(IOException e, Path submission, Path destination) {
    String message = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
        : String.valueOf(e.getMessage());
    return message.replace(destination.toString(), "the work folder")
        .replace(submission.toString(), String.valueOf(submission.getFileName()));
  }

  private static List<String> capped(List<String> refusals) {
    if (refusals.size() <= MAX_REFUSALS) {
      return refusals;
    }
    List<String> shown = new ArrayList<>(refusals.subList(0, MAX_REFUSALS));
    shown.add("... and " + (refusals.size() - MAX_REFUSALS) + " more files skipped");
    return shown;
  }

  /** The package a source's folder stands for: {@code src/main/java/a/b/C.java} is {@code a.b}. */
  static String packageOfPath(String path) {
    String relative = path.substring(SOURCES.length());
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? "" : relative.substring(0, slash).replace('/', '.');
  }

  private static boolean sameText(String a, String b) {
    return a.replace("\r\n", "\n").strip().equals(b.replace("\r\n", "\n").strip());
  }

  /** The grader's copy of a provided source, {@code src/main/java/<path>}. */
  private static byte[] providedCopy(String sourcePath) {
    String resource = PROVIDED_RESOURCES + sourcePath.substring(SOURCES.length());
    try (InputStream in = Intake.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the grader is missing its resource " + resource
            + " (the rubric names it in \"provided\")");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
