package grader.batch;

import static grader.batch.BatchFolders.FULL;
import static grader.batch.BatchFolders.folder;
import static grader.batch.BatchFolders.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionScannerTests {
  @TempDir Path dir;
  private final SubmissionScanner scanner = new SubmissionScanner(new StudentIdPolicy());

  @Test
  void findsFoldersAndZipsUnwrapsLmsNestingAndSortsById() throws IOException {
    folder(dir, "zed", Map.of("src/main/java/exercises/threads/SleepyThreads.java", "class A {}"));
    folder(dir, "Alice Smith_12345_assignsubmission_file_", Map.of("project/src/main/java/A.java", "x"));
    zip(dir.resolve("Bob Jones_222_assignsubmission_file_"), "bob.zip", Map.of("src/A.java", "x"));
    zip(dir, "carol.zip", Map.of("carol/src/A.java", "x"));
    folder(dir, "dave - 2026-11-20", Map.of("REPORT.md", "# report", "src/A.java", "x"));
    folder(dir, "erin", Map.of("repo/exercises/src/main/java/A.java", "x", "repo/grader/pom.xml", "x"));
    List<String> notes = new ArrayList<>();

    List<StudentSubmission> found = scanner.scan(dir, notes::add);

    assertEquals(List.of("alice-smith", "bob-jones", "carol", "dave", "erin", "zed"), found.stream().map(StudentSubmission::id).toList());
    assertEquals(dir.resolve("Alice Smith_12345_assignsubmission_file_/project"), found.get(0).path());
    assertEquals(dir.resolve("Bob Jones_222_assignsubmission_file_/bob.zip"), found.get(1).path());
    assertEquals(dir.resolve("carol.zip"), found.get(2).path());
    assertEquals(dir.resolve("dave - 2026-11-20"), found.get(3).path());
    assertEquals(dir.resolve("erin/repo/exercises"), found.get(4).path());
    found.forEach(s -> assertNull(s.problem(), s.id()));
    assertEquals(List.of(), notes);
  }

  @Test
  void ignoresHiddenAndMacArtifactsAndNotesLooseFiles() throws IOException {
    folder(dir, "alice", Map.of("src/A.java", "x", ".DS_Store", "junk"));
    folder(dir, "__MACOSX", Map.of("alice/._A.java", "x"));
    folder(dir, ".git", Map.of("HEAD", "ref"));
    Files.writeString(dir.resolve("index.html"), "<html>");
    folder(dir, "Alice_1_assignsubmission_onlinetext_", Map.of("onlinetext.html", "hi"));
    List<String> notes = new ArrayList<>();

    List<StudentSubmission> found = scanner.scan(dir, notes::add);

    assertEquals(List.of("alice"), found.stream().map(StudentSubmission::id).toList());
    assertEquals(2, notes.size(), notes.toString());
    assertTrue(notes.stream().anyMatch(n -> n.contains("index.html") && n.contains("neither a folder nor a .zip")), notes.toString());
    assertTrue(notes.stream().anyMatch(n -> n.contains("online-text")), notes.toString());
  }

  @Test
  void reportsEmptyFoldersAndBrokenZipsAsProblems() throws IOException {
    Files.createDirectories(dir.resolve("empty/nested/deeper"));
    Files.write(dir.resolve("garbage.zip"), new byte[] {1, 2, 3, 4, 5});
    zip(dir, "nothing.zip", Map.of());
    folder(dir, "fine", Map.of("verdicts.txt", FULL));

    Map<String, String> problems = new java.util.TreeMap<>();
    scanner.scan(dir, n -> {}).forEach(s -> problems.put(s.id(), String.valueOf(s.problem())));

    assertTrue(problems.get("empty").startsWith("empty submission"), problems.toString());
    assertTrue(problems.get("garbage").startsWith("not a readable zip archive: 'garbage.zip'"), problems.toString());
    assertTrue(problems.get("nothing").contains("has no entries"), problems.toString());
    assertEquals("null", problems.get("fine"));
  }

  @Test
  void neverFollowsSymbolicLinks() throws IOException {
    Path outside = folder(dir.resolve("elsewhere"), "secret", Map.of("src/A.java", "x"));
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Files.createSymbolicLink(batch.resolve("mallory"), outside);
    folder(batch, "alice", Map.of("src/A.java", "x"));
    List<String> notes = new ArrayList<>();

    List<StudentSubmission> found = scanner.scan(batch, notes::add);

    assertEquals(List.of("alice"), found.stream().map(StudentSubmission::id).toList());
    assertTrue(notes.get(0).contains("symbolic link"), notes.toString());
  }

  @Test
  void aTakeoverByTheFileNameFailsAndAnAmbiguousNameIsSaidInTheRow() throws IOException {
    folder(dir, "zhangbob_23456_78901_SleepyThreads", Map.of("src/A.java", "x"));
    folder(dir, "smithmallory_12345_67890_zhangbob_attempt_1", Map.of("src/A.java", "x"));
    folder(dir, "eve_34567_89012_zhangbob_attempt_2026-01-01-00-00-00", Map.of("src/A.java", "x"));
    List<String> notes = new ArrayList<>();

    List<StudentSubmission> found = scanner.scan(dir, notes::add);

    assertEquals(List.of("eve_34567_89012_zhangbob_attempt_2026-01-01-00-00-00", "smithmallory", "zhangbob"),
        found.stream().map(StudentSubmission::id).toList());
    assertNull(found.get(1).idNote());
    assertTrue(found.get(0).idNote().startsWith("the name fits Canvas (id 'eve') and Blackboard (id 'zhangbob')"),
        found.get(0).idNote());
    assertTrue(notes.stream().anyMatch(n -> n.contains("check who it is")), notes.toString());
    StudentOutcome row = StudentOutcome.error(found.get(0), "", "", "grading failed", 0);
    assertTrue(row.entry().message().startsWith("id: the name fits Canvas"), row.entry().message());
  }
}
