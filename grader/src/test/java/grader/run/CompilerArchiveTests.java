package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the compiler's archive lives, when it is stale, and that a failed dump is never an error or a retry. */
class CompilerArchiveTests {
  @TempDir Path dir;
  private GraderInstallation installation;

  @BeforeEach
  void fakeInstallation() throws Exception {
    Path home = Files.createDirectories(dir.resolve("grader"));
    Files.createDirectories(home.resolve("lib"));
    Files.writeString(home.resolve("grader.jar"), "");
    Files.writeString(home.resolve("lib/jackson.jar"), "");
    installation = new GraderInstallation(home.resolve("grader.jar"), home.resolve("lib"),
        home.resolve("grader-agent.jar"), java("java-17", "JAVA_VERSION=\"17.0.15\"\n", 0), List.of());
  }

  @Test
  void livesUnderCdsAndAnyChangeOfJavaOrJarsNamesAnotherArchive() throws Exception {
    CompilerArchive archive = new CompilerArchive(installation);
    Path location = archive.location();
    assertEquals(dir.resolve("grader/cds"), location.getParent(), "beside grader.jar, under cds/");
    assertTrue(location.getFileName().toString().matches("compiler-[0-9a-f]{16}\\.jsa"), location.toString());
    assertEquals(Optional.empty(), archive.existing());

    Files.createDirectories(location.getParent());
    Files.writeString(location, "dumped");
    assertEquals(Optional.of(location), archive.existing());

    Path java25 = java("java-25", "JAVA_VERSION=\"25.0.3\"\n", 0);
    assertNotEquals(location, new CompilerArchive(installation.withJavaHome(java25)).location(), "another Java");
    Files.writeString(installation.javaHome().resolve("release"), "JAVA_VERSION=\"17.0.16\"\n");
    assertNotEquals(location, archive.location(), "the same folder updated to another release");
    Files.writeString(installation.javaHome().resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    assertEquals(location, archive.location());
    Files.setLastModifiedTime(installation.graderJar(), FileTime.fromMillis(1_000_000));
    assertNotEquals(location, archive.location(), "a rebuilt grader.jar");
    Files.writeString(dir.resolve("grader/lib/newer.jar"), "");
    Path again = archive.location();
    Files.delete(dir.resolve("grader/lib/newer.jar"));
    assertNotEquals(again, archive.location(), "another library");
    assertEquals(Optional.empty(), archive.existing(), "the stale archive is never used");
  }

  @Test
  void aFailedDumpLeavesAMarkerAndIsNotTriedAgain() throws Exception {
    Path counter = dir.resolve("starts.txt");
    GraderInstallation failing = installation.withJavaHome(java("failing", "JAVA_VERSION=\"17.0.15\"\n", 1));
    CompilerArchive archive = new CompilerArchive(failing);
    assertEquals(Optional.empty(), archive.ensure());
    assertEquals(Optional.empty(), archive.ensure());
    assertEquals(1, Files.readAllLines(counter).size(), "dumped once");
    Path marker = archive.location().resolveSibling(archive.location().getFileName() + ".failed");
    assertTrue(Files.readString(marker).contains("delete this file to try again"));
    assertEquals(Optional.empty(), archive.existing());
  }

  @Test
  void withoutAWritableCdsFolderThereIsNoArchiveAndNoError() throws Exception {
    Files.writeString(dir.resolve("grader/cds"), "not a folder");
    CompilerArchive archive = new CompilerArchive(installation);
    assertEquals(Optional.empty(), archive.ensure());
    assertFalse(Files.exists(dir.resolve("starts.txt")), "no dump was tried");
    assertEquals(Optional.empty(), archive.existing());
  }

  /** A Java home whose {@code java} notes each start and exits with {@code status}. */
  private Path java(String name, String release, int status) throws Exception {
    Path home = Files.createDirectories(dir.resolve(name));
    Files.writeString(home.resolve("release"), release);
    Path launcher = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(launcher, "#!/bin/sh\necho started >> '" + dir.resolve("starts.txt") + "'\nexit " + status + "\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }
}
