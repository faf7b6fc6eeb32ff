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
