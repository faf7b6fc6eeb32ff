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

class WorkTreeTests {

  @TempDir Path work;
  @TempDir Path outside;

  @Test
  void measureStopsAtTheFirstLimitPassed() throws Exception {
    for (int i = 0; i < 5; i++) {
      Files.write(work.resolve("f" + i), new byte[1000]);
    }
    assertEquals(new WorkTree.Usage(5000, 6, false), WorkTree.measure(List.of(work), 10_000, 100));
    WorkTree.Usage bytes = WorkTree.measure(List.of(work), 2500, 100);
    assertTrue(bytes.over() && bytes.bytes() > 2500, bytes.toString());
    WorkTree.Usage files = WorkTree.measure(List.of(work), 10_000, 3);
    assertTrue(files.over() && files.entries() == 4, files.toString());
  }

  @Test
  void measureDoesNotFollowLinksOutOfTheWorkDir() throws Exception {
    Files.write(outside.resolve("big"), new byte[100_000]);
    Files.createSymbolicLink(work.resolve("link"), outside);
    Files.createSymbolicLink(work.resolve("file-link"), outside.resolve("big"));
    assertFalse(WorkTree.measure(List.of(work), 50_000, 100).over());
  }

  @Test
  void takeBackReopensDirectoriesTheRunLockedSoTheyCanBeDeleted() throws Exception {
    Path locked = Files.createDirectories(work.resolve("locked/inner"));
    Files.writeString(locked.resolve("file.txt"), "x");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(locked.getParent(), PosixFilePermissions.fromString("---------"));
    Files.createSymbolicLink(work.resolve("link-out"), outside);
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwx------"));

    WorkTree.takeBack(List.of(work), -1, -1, false);

    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(locked.getParent())));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(locked)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)),
        "a link's target is never touched");
    assertTrue(Files.isSymbolicLink(work.resolve("link-out")));
    SandboxLeftovers.deleteTree(work.resolve("locked"));
    assertFalse(Files.exists(work.resolve("locked"), LinkOption.NOFOLLOW_LINKS));
  }
}
