package grader.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTests {
  /** The classes the rubric provides ready-made, as the grader passes them. */
  private static final List<String> PROVIDED = List.of("exercises.compare.Downloader");
  private static final String DOWNLOADER = "src/main/java/exercises/compare/Downloader.java";
  private static final String THREADS = "src/main/java/exercises/threads/SleepyThreads.java";
  private static final String THREADS_SOURCE = "package exercises.threads;\npublic final class SleepyThreads {}\n";

  @TempDir Path temp;
  private final Intake intake = new Intake(IntakePolicy.defaults(), PROVIDED);

  @Test
  void copiesOnlySourcesAndTheReport() throws Exception {
    Path submission = folder("alice");
    write(submission, THREADS, THREADS_SOURCE);
    write(submission, "REPORT.md", "# Report\n");
    write(submission, "src/main/resources/app.properties", "x=1");
    write(submission, "target/classes/exercises/threads/SleepyThreads.class", "\u00ca\u00fe");
    write(submission, ".git/config", "[core]");
    write(submission, "pom.xml", "<project/>");

    IntakeResult result = intake.copy(submission, temp.resolve("work"));

    assertEquals(List.of("REPORT.md", THREADS), files(result.root()));
    assertEquals(2, result.fileCount());
    assertEquals(THREADS_SOURCE.length() + "# Report\n".length(), result.totalBytes());
    assertEquals(List.of(), result.refusals());
    assertEquals(64, result.sha256().length());
  }

  @Test
  void theSameSubmissionHashesTheSameAsAFolderOrAZip() throws Exception {
    Path folder = folder("bob");
    write(folder, THREADS, THREADS_SOURCE);
    write(folder, "REPORT.md", "report");
    Path zip = new Zips().add("bob/REPORT.md", "report").add("bob/" + THREADS, THREADS_SOURCE).writeTo(temp.resolve("bob.zip"));

    String fromFolder = intake.copy(folder, temp.resolve("w1")).sha256();
    String again = intake.copy(folder, temp.resolve("w2")).sha256();
    String fromZip = intake.copy(zip, temp.resolve("w3")).sha256();
    write(folder, "REPORT.md", "report!");
    String changed = intake.copy(folder, temp.resolve("w4")).sha256();

    assertEquals(fromFolder, again);
    assertEquals(fromFolder, fromZip);
    assertNotEquals(fromFolder, changed);
  }

  @Test
  void neverFollowsASymbolicLink() throws Exception {
    Path secret = Files.writeString(temp.resolve("secret.txt"), "another student's answer");
    Path elsewhere = folder("elsewhere");
    write(elsewhere, "Hidden.java", "package exercises.async; class Hidden {}");
    Path submission = folder("mallory");
    write(submission, THREADS, THREADS_SOURCE);
    Files.createSymbolicLink(submission.resolve("REPORT.md"), secret);
    Files.createSymbolicLink(submission.resolve("src/main/java/exercises/threads/Copied.java"), secret);
    Files.createSymbolicLink(submission.resolve("src/main/java/exercises/async"), elsewhere);

    IntakeResult result = intake.copy(submission, temp.resolve("work"));

    assertEquals(List.of(THREADS), files(result.root()));
    assertEquals(List.of(
        "skipped REPORT.md: it is a symbolic link; submit the file itself",
        "skipped src/main/java/exercises/async: it is a symbolic link; submit the file itself",
        "skipped src/main/java/exercises/threads/Copied.java: it is a symbolic link; submit the file itself"),
        result.refusals());
  }

  @Test
  void aLinkedSourceFolderIsNotASubmission() throws Exception {
    Path real = folder("real");
    write(real, THREADS, THREADS_SOURCE);
    Path submission = folder("linked");
    Files.createSymbolicLink(submission.resolve("src"), real.resolve("src"));

    IntakeException e = assertThrows(IntakeException.class, () -> intake.copy(submission, temp.resolve("work")));

    assertTrue(e.getMessage().startsWith("linked has no src/main/java folder"), e.getMessage());
  }

  @Test
  void refusesZipEntriesThatWouldLeaveTheWorkFolder() throws Exception {
    Path zip = new Zips()
        .add(THREADS, THREADS_SOURCE)
        .add("../../evil.java", "x")
        .add("src/main/java/../../../../escape/Evil.java", "x")
        .add("/etc/cron.d/evil", "x")
        .add("C:\\Windows\\evil.java", "x")
        .writeTo(temp.resolve("evil.zip"));
    Path work = temp.resolve("deep/work");

    IntakeResult result = intake.copy(zip, work);

    assertEquals(List.of(THREADS), files(work));
    assertEquals(List.of("deep", "evil.zip"), list(temp));
    assertEquals(List.of(
        "skipped ../../evil.java: a path with '..' would leave the submission folder",
        "skipped src/main/java/../../../../escape/Evil.java: a path with '..' would leave the submission folder",
        "skipped /etc/cron.d/evil: absolute paths are not allowed in a submission",
        "skipped C:\\Windows\\evil.java: absolute paths are not allowed in a submission"),
        result.refusals());
  }

  @Test
  void namesTheFileSystemCannotStoreAreRefusedNotAnError() throws Exception {
    String longName = "src/main/java/exercises/threads/" + "N".repeat(300) + ".java";
    String deep = "src/main/java/exercises/threads/" + "d/".repeat(40) + "Deep.java";
    String longPath = "src/main/java/exercises/threads/" + ("p".repeat(200) + "/").repeat(6) + "Long.java";
    Path zip = new Zips()
        .add(THREADS, THREADS_SOURCE)
        .add(longName, "class N {}")
        .add(deep, "class Deep {}")
        .add(longPath, "class Long {}")
        .add("src/main/java/exercises/threads/Clash.java", "class Clash {}")
        .add("src/main/java/exercises/threads/Clash.java/Inner.java", "class Inner {}")
        .writeTo(temp.resolve("names.zip"));
    Path work = temp.resolve("work");

    IntakeResult result = intake.copy(zip, work);

    assertEquals(List.of("src/main/java/exercises/threads/Clash.java", THREADS), files(work));
    List<String> refusals = result.refusals();
    assertEquals(4, refusals.size(), refusals.toString());
    assertTrue(refusals.get(0).endsWith(": a file or folder name of 305 bytes; names may have at most 255 bytes"),
        refusals.get(0));
    assertTrue(refusals.get(0).contains("NNN...:"), "a long name is shortened: " + refusals.get(0));
    assertEquals("skipped " + deep + ": it lies 45 folders deep; at most 32 are allowed", refusals.get(1));
    assertEquals("skipped " + ZipSource.printable(longPath) + ": its path has 1247 bytes; at most 1024 are allowed",
        refusals.get(2));
    assertEquals("skipped src/main/java/exercises/threads/Clash.java/Inner.java: it cannot be stored (another file"
        + " of the submission has the same name as one of its folders)", refusals.get(3));
    assertTrue(refusals.stream().noneMatch(r -> r.contains(temp.toString())), "no host path: " + refusals);
  }

  @Test
  void aNameThatIsNotValidTextIsRefused() {
    assertEquals("its name is not valid text (an unreadable character); rename it with letters, digits and . _ -",
        Intake.unstorable("src/main/java/a/B\uD800.java"));
    assertEquals(null, Intake.unstorable("src/main/java/a/Bü\uD83D\uDE00.java"));
  }

  @Test
  void refusesALinkInAZip() throws Exception {
    Path zip = new Zips()
        .add(THREADS, THREADS_SOURCE)
        .link("src/main/java/exercises/threads/Other.java", "/etc/passwd")
        .writeTo(temp.resolve("link.zip"));

    IntakeResult result = intake.copy(zip, temp.resolve("work"));

    assertEquals(List.of(THREADS), files(result.root()));
    assertEquals(List.of("skipped src/main/java/exercises/threads/Other.java: it is a symbolic link; submit the file itself"),
        result.refusals());
  }

  /** Names and modes come from one reader: a link whose name is code page 437 is still a link. */
  @Test
  void refusesALinkInAZipWhoseNamesAreCodePage437() throws Exception {
    Path zip = temp.resolve("cp437.zip");
    try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream out =
        new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
      out.setEncoding("IBM437");
      out.setUseLanguageEncodingFlag(false);
      out.setCreateUnicodeExtraFields(org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream
          .UnicodeExtraFieldPolicy.NEVER);
      org.apache.commons.compress.archivers.zip.ZipArchiveEntry source =
          new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(THREADS);
      out.putArchiveEntry(source);
      out.write(THREADS_SOURCE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeArchiveEntry();
      org.apache.commons.compress.archivers.zip.ZipArchiveEntry link =
          new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("src/main/java/exercises/threads/Lié.java");
      link.setUnixMode(0120777);
      out.putArchiveEntry(link);
      out.write("/etc/passwd".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    }

    IntakeResult result = intake.copy(zip, temp.resolve("work"));

    assertEquals(List.of(THREADS), files(result.root()));
    assertEquals(List.of("skipped src/main/java/exercises/threads/Lié.java: it is a symbolic link; submit the file itself"),
        result.refusals());
  }

  @Test
  void acceptsWindowsSeparatorsInAZip() throws Exception {
    Path zip = new Zips().add(THREADS.replace('/', '\\'), THREADS_SOURCE).writeTo(temp.resolve("win.zip"));

    assertEquals(List.of(THREADS), files(intake.copy(zip, temp.resolve("work")).root()));
  }

  @Test
  void aZipBombStopsAtTheCapWithoutBelievingTheHeader() throws Exception {
    byte[] zeros = new byte[50 * 1024 * 1024];
    Path zip = new Zips()
        .add(THREADS, THREADS_SOURCE)
        .add("src/main/java/exercises/threads/Bomb.java", zeros)
        .writeTo(temp.resolve("bomb.zip"));
    assertTrue(Files.size(zip) < 200_000, "the bomb compresses well");

    IntakeResult result = intake.copy(zip, temp.resolve("work"));

    assertEquals(List.of(THREADS), files(result.root()));
    assertEquals(List.of("skipped src/main/java/exercises/threads/Bomb.java: 50 MB is over the 1 MB limit per file"),
        result.refusals());
  }

  @Test
  void capsFileCountAndTotalSize() throws Exception {
    Path submission = folder("many");
    for (int i = 0; i < 5; i++) {
      write(submission, "src/main/java/exercises/threads/F" + i + ".java", "class F" + i + " {} //" + "x".repeat(300));
    }
    Path big = folder("big");
    write(big, "src/main/java/exercises/threads/A.java", "x".repeat(800));
    write(big, "src/main/java/exercises/threads/B.java", "x".repeat(800));
    write(big, "src/main/java/exercises/threads/C.java", "x".repeat(2000));

    IntakeResult byCount = new Intake(new IntakePolicy(3, 1024, 100_000), PROVIDED).copy(submission, temp.resolve("w1"));
    IntakeResult bySize = new Intake(new IntakePolicy(10, 1024, 1536), PROVIDED).copy(big, temp.resolve("w2"));

    assertEquals(3, byCount.fileCount());
    assertEquals(List.of(
        "skipped src/main/java/exercises/threads/F3.java: the submission has more than 3 files",
        "skipped src/main/java/exercises/threads/F4.java: the submission has more than 3 files"), byCount.refusals());
    assertEquals(List.of(
        "skipped src/main/java/exercises/threads/B.java: the files together would be over the 1.5 KB limit per submission",
        "skipped src/main/java/exercises/threads/C.java: 2 KB is over the 1 KB limit per file"), bySize.refusals());
  }

  @Test
  void aFloodOfRefusalsIsSummarised() throws Exception {
    Zips zips = new Zips().add(THREADS, THREADS_SOURCE);
    for (int i = 0; i < 100; i++) {
      zips.add("../x" + i, "x");
    }

    IntakeResult result = intake.copy(zips.writeTo(temp.resolve("flood.zip")), temp.resolve("work"));

    assertEquals(31, result.refusals().size());
    assertEquals("... and 70 more files skipped", result.refusals().get(30));
  }

  @Test
  void descendsIntoTheOneFolderThatHoldsTheSubmission() throws Exception {
    Path lms = folder("downloads");
    write(lms, "Alice Smith_1234_assignsubmission_file/concurrency/" + THREADS, THREADS_SOURCE);
    write(lms, "Alice Smith_1234_assignsubmission_file/concurrency/REPORT.md", "report");
    write(lms, "__MACOSX/concurrency/" + THREADS, "junk");
    write(lms, ".idea/" + THREADS, "junk");
    write(lms, "feedback/notes.txt", "none");

    IntakeResult result = intake.copy(lms, temp.resolve("work"));

    assertEquals(List.of("REPORT.md", THREADS), files(result.root()));
  }

  @Test
  void acceptsAZipWrappedInOneFolder() throws Exception {
    Path zip = new Zips().add("exercises/" + THREADS, THREADS_SOURCE).add("exercises/REPORT.md", "r").writeTo(temp.resolve("w.zip"));

    assertEquals(List.of("REPORT.md", THREADS), files(intake.copy(zip, temp.resolve("work")).root()));
  }

  @Test
  void twoSubmissionsInOneAreAnError() throws Exception {
    Path both = folder("both");
    write(both, "a/" + THREADS, THREADS_SOURCE);
    write(both, "b/" + THREADS, THREADS_SOURCE);

    IntakeException e = assertThrows(IntakeException.class, () -> intake.copy(both, temp.resolve("work")));

    assertTrue(e.getMessage().startsWith("both holds several submissions (a/, b/): submit one;"), e.getMessage());
  }

  @Test
  void refusesSourcesInReservedPackagesByFolderAndByDeclaration() throws Exception {
    Path submission = folder("sneaky");
    write(submission, THREADS, THREADS_SOURCE);
    write(submission, "src/main/java/grader/suites/support/Feedback.java", "package grader.suites.support; class Feedback {}");
    write(submission, "src/main/java/org/junit/jupiter/api/Assertions.java", "package org.junit.jupiter.api;");
    write(submission, "src/main/java/exercises/threads/Hidden.java", "/* hi */ package grader.suites.threads;");
    write(submission, "src/main/java/exercises/threads/Escaped.java", "\\u0070ackage java.lang;");
    write(submission, "src/main/java/graderish/Fine.java", "package graderish;");

    IntakeResult result = intake.copy(submission, temp.resolve("work"));

    assertEquals(List.of("src/main/java/exercises/threads/SleepyThreads.java", "src/main/java/graderish/Fine.java"),
        files(result.root()));
    assertEquals(List.of(
        "skipped src/main/java/exercises/threads/Escaped.java: package java.lang is reserved for the grader and the JDK; use a package of your own",
        "skipped src/main/java/exercises/threads/Hidden.java: package grader.suites.threads is reserved for the grader and the JDK; use a package of your own",
        "skipped src/main/java/grader/suites/support/Feedback.java: package grader.suites.support is reserved for the grader and the JDK; use a package of your own",
        "skipped src/main/java/org/junit/jupiter/api/Assertions.java: package org.junit.jupiter.api is reserved for the grader and the JDK; use a package of your own"),
        result.refusals());
  }

  @Test
  void skipsModuleDeclarations() throws Exception {
    Path submission = folder("modular");
    write(submission, THREADS, THREADS_SOURCE);
    write(submission, "src/main/java/module-info.java", "open module exercises { requires jdk.unsupported; }");
    write(submission, "src/main/java/exercises/threads/module-info.java", "module threads {}");
    write(submission, "src/main/java/exercises/threads/package-info.java", "package exercises.threads;");

    IntakeResult result = intake.copy(submission, temp.resolve("work"));

    assertEquals(List.of("src/main/java/exercises/threads/SleepyThreads.java",
        "src/main/java/exercises/threads/package-info.java"), files(result.root()));
    assertEquals(List.of(
        "skipped src/main/java/exercises/threads/module-info.java: a module declaration is not part of the exercises; "
            + "your classes are compiled and run on the class path, so leave module-info.java out",
        "skipped src/main/java/module-info.java: a module declaration is not part of the exercises; "
            + "your classes are compiled and run on the class path, so leave module-info.java out"),
        result.refusals());
  }

  @Test
  void convertsWindows1252ToUtf8AndDropsAByteOrderMark() throws Exception {
    Path submission = folder("windows");
    byte[] latin = "package exercises.threads; // Grüße\npublic final class SleepyThreads {}\n".getBytes(StandardCharsets.ISO_8859_1);
    write(submission, THREADS, latin);
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'c', 'l', 'a', 's', 's', ' ', 'B', '{', '}'};
    write(submission, "src/main/java/exercises/threads/B.java", bom);

    IntakeResult result = intake.copy(submission, temp.resolve("work"));

    assertEquals("package exercises.threads; // Grüße\npublic final class SleepyThreads {}\n",
        Files.readString(result.root().resolve(THREADS), StandardCharsets.UTF_8));
    assertEquals("class B{}", Files.readString(result.root().resolve("src/main/java/exercises/threads/B.java")));
    assertEquals(List.of("converted " + THREADS + " to UTF-8 from Windows-1252: it is not valid UTF-8; "
        + "save your files as UTF-8 so every character reads as you meant it"), result.refusals());
  }

  @Test
  void theDownloaderInterfaceIsAlwaysTheProvidedOne() throws Exception {
    Path changed = folder("changed");
    write(changed, DOWNLOADER, "package exercises.compare; public interface Downloader { void cheat(); }");
    Path deleted = folder("deleted");
    write(deleted, "src/main/java/exercises/compare/ThreadDownloader.java", "package exercises.compare;");
    Path untouched = folder("untouched");
    write(untouched, DOWNLOADER, new String(provided(), StandardCharsets.UTF_8).replace("\n", "\r\n"));

    IntakeResult fromChanged = intake.copy(changed, temp.resolve("w1"));
    IntakeResult fromDeleted = intake.copy(deleted, temp.resolve("w2"));
    IntakeResult fromUntouched = intake.copy(untouched, temp.resolve("w3"));

    for (IntakeResult result : List.of(fromChanged, fromDeleted, fromUntouched)) {
      assertArrayEquals(provided(), Files.readAllBytes(result.root().resolve(DOWNLOADER)));
    }
    assertEquals(List.of("replaced src/main/java/exercises/compare/Downloader.java with the provided copy: "
        + "Downloader is given with the exercise and must not be changed"), fromChanged.refusals());
    assertEquals(List.of(), fromDeleted.refusals());
    assertEquals(List.of(), fromUntouched.refusals());
  }

  @Test
  void theProvidedDownloaderIsTheExercisesOwn() throws Exception {
    Path repo = Path.of(System.getProperty("grader.repo", "..")).toAbsolutePath().normalize();
    Path official = repo.resolve("exercises/src/main/java/exercises/compare/Downloader.java");
    if (Files.exists(official)) {
      assertArrayEquals(Files.readAllBytes(official), provided(),
          "grader/src/main/resources/grader/provided/exercises/compare/Downloader.java must equal " + official);
    }
  }

  @Test
  void saysWhatLayoutIsExpected() throws Exception {
    Path empty = folder("empty");
    Path wrong = folder("wrong");
    write(wrong, "src/exercises/threads/SleepyThreads.java", THREADS_SOURCE);
    write(wrong, "docs/readme.txt", "");
    Path onlyReport = folder("report-only");
    write(onlyReport, "REPORT.md", "r");
    Files.createDirectories(onlyReport.resolve("src/main/java"));
    Path notZip = Files.writeString(temp.resolve("sub.zip"), "this is not a zip");
    Path emptyZip = new Zips().writeTo(temp.resolve("empty.zip"));

    assertEquals("empty has no src/main/java folder (it has no folders): " + Intake.EXPECTED_LAYOUT,
        assertThrows(IntakeException.class, () -> intake.copy(empty, temp.resolve("w1"))).getMessage());
    assertEquals("wrong has no src/main/java folder (it has docs/, src/): " + Intake.EXPECTED_LAYOUT,
        assertThrows(IntakeException.class, () -> intake.copy(wrong, temp.resolve("w2"))).getMessage());
    assertEquals("report-only has no Java sources under src/main/java that can be graded: " + Intake.EXPECTED_LAYOUT,
        assertThrows(IntakeException.class, () -> intake.copy(onlyReport, temp.resolve("w3"))).getMessage());
    assertEquals("sub.zip is not a zip file (nor a folder): " + Intake.EXPECTED_LAYOUT,
        assertThrows(IntakeException.class, () -> intake.copy(notZip, temp.resolve("w4"))).getMessage());
    assertEquals("empty.zip has no src/main/java folder (it has no folders): " + Intake.EXPECTED_LAYOUT,
        assertThrows(IntakeException.class, () -> intake.copy(emptyZip, temp.resolve("w5"))).getMessage());
    assertTrue(assertThrows(IntakeException.class, () -> intake.copy(temp.resolve("nope"), temp.resolve("w6")))
        .getMessage().endsWith("nope does not exist: " + Intake.EXPECTED_LAYOUT));
  }

  @Test
  void aTruncatedZipIsAClearError() throws Exception {
    Path zip = new Zips().add(THREADS, THREADS_SOURCE).writeTo(temp.resolve("cut.zip"));
    byte[] bytes = Files.readAllBytes(zip);
    Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length - 30));

    IntakeException e = assertThrows(IntakeException.class, () -> intake.copy(zip, temp.resolve("work")));

    assertTrue(e.getMessage().startsWith("cut.zip is not a valid zip file"), e.getMessage());
  }

  @Test
  void theDestinationMustBeEmpty() throws Exception {
    Path submission = folder("s");
    write(submission, THREADS, THREADS_SOURCE);
    Path work = folder("work");
    write(work, "left-over", "x");

    assertThrows(IllegalArgumentException.class, () -> intake.copy(submission, work));
  }

  private Path folder(String name) throws IOException {
    return Files.createDirectories(temp.resolve(name));
  }

  private static void write(Path root, String path, String content) throws IOException {
    write(root, path, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path root, String path, byte[] content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
    }
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static byte[] provided() throws IOException {
    try (InputStream in = Intake.class.getResourceAsStream("/grader/provided/exercises/compare/Downloader.java")) {
      return in.readAllBytes();
    }
  }
}
