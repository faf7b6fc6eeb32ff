package grader.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The run's writable paths as seen from outside: who owns them ({@link SecureTree} sizes them). Symbolic links
 * are never followed (the student may have planted them), only the links themselves are changed.
 */
final class WorkTree {

  private WorkTree() {}

  /** Gives the (trusted, grader-made) writable paths to the sandbox user, so it may write there. */
  static void giveTo(List<Path> roots, SandboxUser user) throws IOException {
    for (Path root : roots) {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          chown(dir, user.uid(), user.gid());
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          chown(file, user.uid(), user.gid());
          return FileVisitResult.CONTINUE;
        }
      });
    }
  }

  /**
   * Takes the writable paths back after the run has ended: every directory becomes listable and
   * writable for the grader again (the student may have made one mode 000) and, when the grader is
   * root, everything is owned by it again, so the engine can read results and delete the tree.
   * Each directory is opened only after its mode is fixed, so this also works without root; the
   * walk keeps its own stack, so a very deep tree cannot overflow the thread's.
   */
  static void takeBack(List<Path> roots, int uid, int gid, boolean chown) {
    Deque<Path> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      Path path = pending.pop();
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue; // gone
      }
      if (chown) {
        quietly(() -> chown(path, uid, gid));
      }
      if (!attributes.isDirectory()) {
        continue; // files and links: owner only; a link's target is never touched
      }
      quietly(() -> {
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        mode.addAll(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        if (mode.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE))) {
          Files.setPosixFilePermissions(path, mode); // a real directory: no link to follow
        }
      });
      try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
        children.forEach(pending::push);
      } catch (IOException | RuntimeException e) {
        // Best effort: the engine's delete reports what it cannot remove.
      }
    }
  }

  private static void chown(Path path, int uid, int gid) throws IOException {
    Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void quietly(IoAction action) {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      // Best effort, see takeBack.
    }
  }
}
