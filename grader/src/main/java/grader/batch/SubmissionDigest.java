package grader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Computes the SHA-256 that tells whether a submission changed since it was last graded: over a
 * zip's bytes, or over a folder's relative paths and file contents in sorted order.
 *
 * <p>Symbolic links contribute their target text and are never followed; {@code .git} folders are
 * left out, so fetching into a checkout without changing its files does not trigger a regrade. A
 * file over 64 MiB in a folder contributes its size and modification time instead of its bytes.
 */
public final class SubmissionDigest {
  /** Files in a folder larger than this contribute their size and modification time, not their bytes. */
  static final long MAX_HASHED_BYTES = 64L * 1024 * 1024;

  private SubmissionDigest() {}

  public static String of(Path submission) throws IOException {
    MessageDigest digest = sha256();
    if (Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
      update(digest, "folder\0");
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(submission)) {
        paths = walk.filter(p -> !p.equals(submission))
            .filter(p -> !isUnderGit(submission.relativize(p)))
            .sorted((a, b) -> relative(submission, a).compareTo(relative(submission, b)))
            .toList();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      for (Path path : paths) {
        String name = relative(submission, path);
        if (Files.isSymbolicLink(path)) {
          update(digest, "link\0" + name + "\0" + Files.readSymbolicLink(path) + "\0");
        } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          update(digest, "dir\0" + name + "\0");
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          long size = Files.size(path);
          update(digest, "file\0" + name + "\0" + size + "\0");
          if (size <= MAX_HASHED_BYTES) {
            hashContent(digest, path);
          } else {
            // Intake never grades a file this big; reading gigabytes on every rerun would only cost time.
            update(digest, "modified\0" + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis() + "\0");
          }
        } else {
          update(digest, "other\0" + name + "\0");
        }
      }
    } else {
      update(digest, "file\0");
      hashContent(digest, submission);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static boolean isUnderGit(Path relative) {
    for (Path part : relative) {
      if (part.toString().equals(".git")) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static void hashContent(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
