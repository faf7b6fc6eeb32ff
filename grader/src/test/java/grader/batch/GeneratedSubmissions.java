package grader.batch;

import grader.fixtures.Fixture;
import grader.fixtures.FixtureKind;
import grader.fixtures.FixtureLibrary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a realistic batch folder for the end-to-end IT from the repository: reference solutions
 * (as folders, zips, LMS-nested, a git checkout, a whole-project clone), three known-bad {@code
 * threads} fixtures (as {@link Fixture} builds them, zipped, LMS-nested and as a folder), the
 * student skeleton, and broken submissions. Returns what
 * each student's {@code threads} verdict must be.
 */
final class GeneratedSubmissions {
  /** What the batch must report for one student's {@code threads} exercise. */
  record Expected(String kind, Set<String> failing) {
    static Expected full() {
      return new Expected("full", Set.of());
    }

    static Expected failing(Set<String> ids) {
      return new Expected("failing", ids);
    }

    static Expected of(String kind) {
      return new Expected(kind, Set.of());
    }
  }

  /** How many bad {@code threads} fixtures the batch grades: one of each shape (zip, LMS folder, folder). */
  static final int BAD_FIXTURES = 3;

  private final Path repo;
  private final Path target;
  private final Map<String, Expected> expected = new LinkedHashMap<>();

  GeneratedSubmissions(Path repo, Path target) {
    this.repo = repo;
    this.target = target;
  }

  /** Student id -> expectation; the ids follow {@link StudentIdPolicy}. */
  Map<String, Expected> generate() throws IOException, InterruptedException {
    Files.createDirectories(target);
    Path solutions = repo.resolve("solutions");
    // Right, in every shape an LMS or a student produces.
    copySubmission(solutions, target.resolve("alice"));
    expected.put("alice", Expected.full());
    zipTree(solutions, target.resolve("Bob Builder_10001_assignsubmission_file_").resolve("bob-threads.zip"), "");
    expected.put("bob-builder", Expected.full());
    zipTree(solutions, target.resolve("carol.zip"), "carol-submission/");
    expected.put("carol", Expected.full());
    copySubmission(solutions, target.resolve("Dave Doe - 2026-11-20").resolve("project"));
    expected.put("dave-doe", Expected.full());
    Path git = target.resolve("grace_git_checkout");
    copySubmission(solutions, git);
    gitInit(git);
    expected.put("grace_git_checkout", Expected.full());
    copySubmission(solutions, target.resolve("heidi-whole-repo").resolve("exercises"));
    copySubmission(repo.resolve("exercises"), target.resolve("heidi-whole-repo").resolve("skeleton-copy"));
    Files.writeString(target.resolve("heidi-whole-repo").resolve("README.md"), "my clone of the course repo\n");
    expected.put("heidi-whole-repo", Expected.full());
    Path latin = target.resolve("ivan-latin1");
    copySubmission(solutions, latin);
    Path sleepy = latin.resolve("src/main/java/exercises/threads/SleepyThreads.java");
    String source = Files.readString(sleepy);
    Files.write(sleepy, ("// Größe, café, naïve: written by an editor set to ISO-8859-1\n" + source).getBytes(StandardCharsets.ISO_8859_1));
    expected.put("ivan-latin1", Expected.of("graded"));

    // Wrong: a few known-bad threads fixtures, one zipped, one nested like Moodle, one a folder.
    // Only BAD_FIXTURES of them: FixtureVerdictsIT grades every fixture, and this IT is about the
    // batch (shapes, rows, shards, resumption), not about the verdicts a second time.
    List<Fixture> bad = FixtureLibrary.all(FixtureKind.BAD).stream()
        .filter(f -> f.exercise().equals("threads")).limit(BAD_FIXTURES).toList();
    int n = 0;
    for (Fixture fixture : bad) {
      String name = fixture.name();
      Path staging = FixtureLibrary.submission(fixture, target.resolveSibling(target.getFileName() + "-staging").resolve(name));
      Set<String> failing = fixture.expectedFailures();
      String id;
      if (n % 3 == 0) {
        zipTree(staging, target.resolve(name + ".zip"), "");
        id = name;
      } else if (n % 3 == 1) {
        String lms = "Bad " + name.substring("threads-".length()).replace('-', ' ') + "_" + (20000 + n) + "_assignsubmission_file_";
        copySubmission(staging, target.resolve(lms).resolve(name));
        id = new StudentIdPolicy().derive(lms);
      } else {
        copySubmission(staging, target.resolve(name));
        id = name;
      }
      expected.put(id, Expected.failing(failing));
      n++;
    }
    copySubmission(repo.resolve("exercises"), target.resolve("skeleton"));
    expected.put("skeleton", Expected.of("zero"));

    // Broken.
    Path syntax = target.resolve("syntax-error");
    copySubmission(solutions, syntax);
    Path broken = syntax.resolve("src/main/java/exercises/threads/SleepyThreads.java");
    Files.writeString(broken, Files.readString(broken).replaceFirst("\\{", "{ int missingSemicolon = 1 "));
    expected.put("syntax-error", Expected.of("compile_error"));
    Files.createDirectories(target.resolve("empty").resolve("src"));
    expected.put("empty", Expected.of("error"));
    Files.write(target.resolve("garbage.zip"), "this is not a zip, it only has a .zip name\n".getBytes(StandardCharsets.UTF_8));
    expected.put("garbage", Expected.of("error"));
    Path layout = target.resolve("wrong-layout");
    Files.createDirectories(layout);
    Files.copy(solutions.resolve("src/main/java/exercises/threads/SleepyThreads.java"), layout.resolve("SleepyThreads.java"));
    Files.writeString(layout.resolve("notes.txt"), "I put my file here\n");
    expected.put("wrong-layout", Expected.of("not_graded"));
    Path huge = target.resolve("huge-file");
    copySubmission(solutions, huge);
    try (OutputStream out = Files.newOutputStream(huge.resolve("src/main/java/exercises/threads/Huge.java"))) {
      byte[] line = "// padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 40L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    expected.put("huge-file", Expected.of("graded"));
    Path slip = target.resolveSibling(target.getFileName() + "-staging").resolve("zip-slip");
    copySubmission(solutions, slip);
    zipTree(slip, target.resolve("zip-slip.zip"), "", Map.of("../../../escaped-by-zip-slip.txt", "gotcha"));
    expected.put("zip-slip", Expected.of("graded"));
    Files.createDirectories(target.resolve("only-report"));
    Files.writeString(target.resolve("only-report/REPORT.md"), "# Report\nI ran out of time.\n");
    expected.put("only-report", Expected.of("not_graded"));
    return expected;
  }

  /** Copies the parts of a module that make a submission: src/main/java and REPORT.md. */
  static void copySubmission(Path module, Path to) throws IOException {
    copyTree(module.resolve("src/main/java"), to.resolve("src/main/java"));
    if (Files.exists(module.resolve("REPORT.md"))) {
      Files.copy(module.resolve("REPORT.md"), to.resolve("REPORT.md"));
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
        } else {
          Files.createDirectories(dest.getParent());
          Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void zipTree(Path from, Path zip, String prefix) throws IOException {
    zipTree(from, zip, prefix, Map.of());
  }

  static void zipTree(Path from, Path zip, String prefix, Map<String, String> extra) throws IOException {
    Files.createDirectories(zip.getParent());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(prefix + from.relativize(file).toString().replace('\\', '/'));
        entry.setTime(0);
        out.putNextEntry(entry);
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
      for (Map.Entry<String, String> e : extra.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  private static void gitInit(Path dir) throws IOException, InterruptedException {
    List<List<String>> commands = new ArrayList<>(List.of(
        List.of("git", "init", "-q"),
        List.of("git", "add", "."),
        List.of("git", "-c", "user.name=Grace", "-c", "user.email=grace@example.invalid", "commit", "-q", "-m", "my solution")));
    for (List<String> command : commands) {
      Process p;
      try {
        p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      } catch (IOException noGit) {
        // No git on this machine: a .git folder with some content is what the batch must cope with.
        Files.createDirectories(dir.resolve(".git/objects/ab"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(dir.resolve(".git/objects/ab/cdef0123"), "blob");
        return;
      }
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed: " + output));
      }
    }
  }
}
