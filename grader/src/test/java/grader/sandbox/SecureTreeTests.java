package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureTreeTests {

  @TempDir Path work;
  @TempDir Path outside;

  @Test
  void measureStopsAtTheFirstLimitPassed() throws Exception {
    for (int i = 0; i < 5; i++) {
      Files.write(work.resolve("f" + i), new byte[1000]);
    }
    assertEquals(new SecureTree.Usage(5000, 5, SecureTree.Verdict.WITHIN),
        SecureTree.measure(List.of(work), 10_000, 100, 10));
    SecureTree.Usage bytes = SecureTree.measure(List.of(work), 2500, 100, 10);
    assertEquals(SecureTree.Verdict.TOO_LARGE, bytes.verdict(), bytes.toString());
    SecureTree.Usage files = SecureTree.measure(List.of(work), 10_000, 3, 10);
    assertEquals(new SecureTree.Usage(files.bytes(), 4, SecureTree.Verdict.TOO_MANY), files);
  }

  @Test
  void measureDoesNotFollowLinksOutOfTheWorkDir() throws Exception {
    Files.write(outside.resolve("big"), new byte[100_000]);
    Files.createSymbolicLink(work.resolve("link"), outside);
    Files.createSymbolicLink(work.resolve("file-link"), outside.resolve("big"));
    assertFalse(SecureTree.measure(List.of(work), 50_000, 100, 10).over());
  }

  @Test
  void measureCallsTooDeepATreeOverItsLimit() throws Exception {
    Files.createDirectories(work.resolve("a/b/c/d"));
    assertFalse(SecureTree.measure(List.of(work), 1000, 100, 4).over());
    assertEquals(SecureTree.Verdict.TOO_DEEP, SecureTree.measure(List.of(work), 1000, 100, 3).verdict());
  }

  @Test
  void measureCountsWhatLiesBelowPathMaxAndDeleteRemovesIt() throws Exception {
    Path deep = longChain(work, 4, new byte[70_000]);
    assertTrue(deep.toString().length() > 4096 * 3, "three times PATH_MAX: " + deep.toString().length());
    assertTrue(cannotStat(deep.resolve("hidden.bin")), "the JDK's own path calls cannot reach it");

    SecureTree.Usage usage = SecureTree.measure(List.of(work), 50_000, 10_000, SecureTree.MAX_DEPTH);
    assertEquals(SecureTree.Verdict.TOO_LARGE, usage.verdict(), usage.toString());

    assertTrue(SecureTree.delete(work));
    assertFalse(Files.exists(work, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void deleteRemovesLockedDirectoriesAtAnyDepth() throws Exception {
    Path deep = longChain(work, 2, new byte[10]);
    Path locked = work.resolve("locked");
    Files.createDirectories(locked.resolve("inner"));
    Files.writeString(locked.resolve("inner/file.txt"), "x");
    Files.createSymbolicLink(work.resolve("link-out"), outside);
    Files.writeString(outside.resolve("keep.txt"), "kept");
    Files.setPosixFilePermissions(locked.resolve("inner"), PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    assertTrue(SecureTree.delete(work), "deleted, " + deep.getNameCount() + " levels deep");
    assertFalse(Files.exists(work, LinkOption.NOFOLLOW_LINKS));
    assertEquals("kept", Files.readString(outside.resolve("keep.txt")), "a link's target is never touched");
  }

  /**
   * A directory chain {@code rounds} times longer than PATH_MAX below {@code root}, built as a
   * student would: chains short enough to create, each moved below the next one's deepest
   * directory, with {@code payload} written into the first before it sinks. Returns the (unusable)
   * absolute path of the deepest directory.
   */
  static Path longChain(Path root, int rounds, byte[] payload) throws Exception {
    String name = "d".repeat(200);
    Path top = null;
    Path below = null; // the deepest directory, relative to top
    for (int round = 0; round <= rounds; round++) {
      Path chain = root.resolve("chain" + round);
      Path end = chain;
      for (int level = 0; level < 15; level++) {
        end = end.resolve(name);
      }
      Files.createDirectories(end);
      if (top == null) {
        Files.write(end.resolve("hidden.bin"), payload);
        below = chain.relativize(end);
      } else {
        Files.move(top, end.resolve("below"));
        below = chain.relativize(end).resolve("below").resolve(below);
      }
      top = chain;
    }
    return top.resolve(below);
  }

  private static boolean cannotStat(Path path) {
    try {
      Files.readAttributes(path, "basic:size", LinkOption.NOFOLLOW_LINKS);
      return false;
    } catch (Exception e) {
      return true;
    }
  }
}
