package grader.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A directory tree a submission wrote, sized and removed through directory handles ({@code openat},
 * {@code fstatat}, {@code unlinkat}, {@code renameat}), never by absolute path: a student can build a
 * chain of directories whose absolute path is longer than {@code PATH_MAX} out of short relative
 * steps, and every call that takes such a path fails with "File name too long". Walking by handles
 * reaches every depth. Links are never followed.
 */
public final class SecureTree {

  /**
   * Deeper than this the sizing walk stops and calls the tree over its limit: each level holds one
   * open directory handle, and no exercise needs more than a handful of levels.
   */
  public static final int MAX_DEPTH = 256;

  private SecureTree() {}

  /** Which limit a walk found crossed, if any. */
  public enum Verdict {
    WITHIN, TOO_LARGE, TOO_MANY, TOO_DEEP, UNREADABLE
  }

  /** Bytes and entries found, and the first limit found crossed (the walk stops there). */
  public record Usage(long bytes, long entries, Verdict verdict) {
    public boolean over() {
      return verdict != Verdict.WITHIN;
    }
  }

  /**
   * Sizes the trees below {@code roots} (the roots themselves are not counted), stopping as soon as
   * one limit is crossed. What cannot be read (a directory the run made mode 000, an error of the
   * file system) counts as over the limit: a tree the grader cannot see into is not known to be small.
   */
  public static Usage measure(List<Path> roots, long maxBytes, long maxEntries, int maxDepth) {
    long bytes = 0;
    long entries = 0;
    for (Path root : roots) {
      Deque<Level> levels = new ArrayDeque<>();
      try {
        levels.push(Level.open(root));
      } catch (NoSuchFileException e) {
        continue; // a root that vanished holds nothing
      } catch (IOException e) {
        return new Usage(bytes, entries, Verdict.UNREADABLE);
      }
      try {
        while (!levels.isEmpty()) {
          Level level = levels.peek();
          Path name;
          try {
            if (!level.entries.hasNext()) {
              levels.pop().close();
              continue;
            }
            name = level.entries.next().getFileName();
          } catch (DirectoryIteratorException e) {
            return new Usage(bytes, entries, Verdict.UNREADABLE);
          }
          BasicFileAttributes attributes;
          try {
            attributes = level.stream.getFileAttributeView(name, BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
          } catch (NoSuchFileException e) {
            continue; // deleted while we looked
          } catch (IOException e) {
            return new Usage(bytes, entries, Verdict.UNREADABLE);
          }
          entries++;
          bytes += attributes.isRegularFile() ? attributes.size() : 0;
          if (bytes > maxBytes) {
            return new Usage(bytes, entries, Verdict.TOO_LARGE);
          }
          if (entries > maxEntries) {
            return new Usage(bytes, entries, Verdict.TOO_MANY);
          }
          if (attributes.isDirectory()) {
            if (levels.size() > maxDepth) {
              return new Usage(bytes, entries, Verdict.TOO_DEEP);
            }
            try {
              levels.push(level.child(name));
            } catch (NoSuchFileException | NotDirectoryException e) {
              // Gone or replaced while we looked.
            } catch (IOException e) {
              return new Usage(bytes, entries, Verdict.UNREADABLE);
            }
          }
        }
      } finally {
        levels.forEach(Level::close);
      }
    }
    return new Usage(bytes, entries, Verdict.WITHIN);
  }

  /**
   * Deletes {@code root} and everything below it, at any depth and whatever modes the run left:
   * every directory one level below the root is emptied by moving its subdirectories up to the root
   * (so no more than two handles are ever open and no path grows) and deleting its other entries;
   * passes repeat until the root is empty. Must only run once nothing writes into the tree any more.
   *
   * @return true if {@code root} is gone
   */
  public static boolean delete(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return quietly(() -> Files.deleteIfExists(root));
    }
    makeUsable(root);
    long lifted = 0;
    for (int pass = 0; pass < 1_000_000; pass++) {
      boolean progress = false;
      boolean empty = true;
      try (Level top = Level.open(root)) {
        List<Path> names = new ArrayList<>();
        top.entries.forEachRemaining(entry -> names.add(entry.getFileName()));
        for (Path name : names) {
          empty = false;
          BasicFileAttributes attributes;
          try {
            attributes = top.stream.getFileAttributeView(name, BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
          } catch (IOException e) {
            continue;
          }
          if (!attributes.isDirectory()) {
            progress |= quietly(() -> top.stream.deleteFile(name));
            continue;
          }
          // A short path (the root's own plus one name): the mode can be fixed by path.
          makeUsable(root.resolve(name));
          try (Level inner = top.child(name)) {
            List<Path> children = new ArrayList<>();
            inner.entries.forEachRemaining(entry -> children.add(entry.getFileName()));
            for (Path child : children) {
              BasicFileAttributes childAttributes;
              try {
                childAttributes = inner.stream.getFileAttributeView(child, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
              } catch (IOException e) {
                continue;
              }
              if (childAttributes.isDirectory()) {
                for (int attempt = 0; attempt < 100; attempt++) {
                  Path target = Path.of(".grader-lifted-" + lifted++);
                  try {
                    inner.stream.move(child, top.stream, target);
                    progress = true;
                    break;
                  } catch (FileAlreadyExistsException e) {
                    continue;
                  } catch (IOException e) {
                    break;
                  }
                }
              } else {
                progress |= quietly(() -> inner.stream.deleteFile(child));
              }
            }
          } catch (IOException | DirectoryIteratorException e) {
            // Retried in the next pass.
          }
          progress |= quietly(() -> top.stream.deleteDirectory(name));
        }
      } catch (IOException | DirectoryIteratorException e) {
        break;
      }
      if (empty || !progress) {
        break;
      }
    }
    quietly(() -> Files.deleteIfExists(root));
    return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
  }

  /** Owner read, write and search on a directory (by path, never following a link), best effort. */
  private static void makeUsable(Path dir) {
    quietly(() -> {
      Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
      mode.addAll(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
      if (mode.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE)) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.setPosixFilePermissions(dir, mode);
      }
    });
  }

  private interface IoAction {
    void run() throws IOException;
  }

  /** Runs {@code action}; true if it completed without an exception. */
  private static boolean quietly(IoAction action) {
    try {
      action.run();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** One open directory handle and the rest of its listing. */
  private record Level(SecureDirectoryStream<Path> stream, Iterator<Path> entries) implements AutoCloseable {

    static Level open(Path dir) throws IOException {
      DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
      if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
        stream.close();
        throw new IOException("this platform has no SecureDirectoryStream (openat): cannot walk " + dir + " safely");
      }
      return new Level(secure, secure.iterator());
    }

    /** The subdirectory {@code name} (a single file name), opened through this handle. */
    Level child(Path name) throws IOException {
      SecureDirectoryStream<Path> child = stream.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
      return new Level(child, child.iterator());
    }

    @Override
    public void close() {
      try {
        stream.close();
      } catch (IOException e) {
        // A handle we only read from.
      }
    }
  }
}
