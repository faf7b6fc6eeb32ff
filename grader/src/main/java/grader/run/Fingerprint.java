package grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The short hash a class-data archive's name carries: of the Java installation (its path and its
 * {@code release} file), the JVM options the archive was dumped with, and every jar it holds classes
 * of (name, size, time). Any change gives another name, so a rebuilt grader, another Java or other
 * options never meet an archive dumped for something else.
 */
final class Fingerprint {
  private Fingerprint() {}

  static String of(Path javaHome, List<String> options, List<Path> jars) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
    }
    StringBuilder text = new StringBuilder(javaHome.toString()).append('\n');
    text.append(String.join(" ", options)).append('\n');
    try {
      text.append(Files.readString(javaHome.resolve("release")));
    } catch (IOException e) {
      text.append("no release file\n");
    }
    for (Path jar : jars) {
      try {
        text.append(jar).append(' ').append(Files.size(jar)).append(' ')
            .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
      } catch (IOException e) {
        text.append(jar).append(" ?\n");
      }
    }
    byte[] hash = digest.digest(text.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 8);
  }
}
