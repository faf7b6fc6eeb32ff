package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionDigestTests {
  @TempDir Path tmp;

  @Test
  void dependsOnNamesAndContentsOnlyNotOnWhereTheFolderIs() throws Exception {
    Path a = BatchFolders.folder(tmp, "a", Map.of("src/A.java", "class A {}", "REPORT.md", "# r"));
    Path b = BatchFolders.folder(tmp.resolve("elsewhere"), "b", Map.of("src/A.java", "class A {}", "REPORT.md", "# r"));
    assertEquals(SubmissionDigest.of(a), SubmissionDigest.of(b));

    Files.writeString(b.resolve("src/A.java"), "class A { }");
    assertNotEquals(SubmissionDigest.of(a), SubmissionDigest.of(b));
    Files.writeString(b.resolve("src/A.java"), "class A {}");
    Files.move(b.resolve("REPORT.md"), b.resolve("report.md"));
    assertNotEquals(SubmissionDigest.of(a), SubmissionDigest.of(b), "a renamed file is a change");
  }

  @Test
  void ignoresGitMetadataAndDoesNotFollowLinks() throws Exception {
    Path a = BatchFolders.folder(tmp, "a", Map.of("src/A.java", "class A {}"));
    String before = SubmissionDigest.of(a);
    BatchFolders.folder(a, ".git", Map.of("HEAD", "ref: refs/heads/main", "objects/ab/cdef", "blob"));
    assertEquals(before, SubmissionDigest.of(a), "fetching into a checkout is no change");

    Path secret = Files.writeString(tmp.resolve("secret.txt"), "one");
    Files.createSymbolicLink(a.resolve("link"), secret);
    String linked = SubmissionDigest.of(a);
    Files.writeString(secret, "two");
    assertEquals(linked, SubmissionDigest.of(a), "the link's target is not read");
  }

  @Test
  void hashesAZipByItsBytes() throws Exception {
    Path zip = BatchFolders.zip(tmp, "a.zip", Map.of("src/A.java", "class A {}"));
    Path copy = Files.copy(zip, tmp.resolve("b.zip"));
    assertEquals(SubmissionDigest.of(zip), SubmissionDigest.of(copy));
    assertEquals(64, SubmissionDigest.of(zip).length());
  }
}
