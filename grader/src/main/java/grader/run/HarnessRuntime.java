package grader.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A run-time image of the grading JDK with only the JDK modules the harness JVM needs ({@link
 * ModuleOptions#HARNESS_JDK_MODULES}), made once with {@code jlink} and kept next to grader.jar under
 * {@code cds/}. The harness JVM and every JVM the student's code starts (their {@code java.home})
 * run from it: {@code jdk.unsupported}, {@code jdk.attach}, {@code jdk.management} and the rest are
 * not merely left out of the module graph but absent from the image. Unlike {@code
 * --limit-modules}, which switches class-data sharing off entirely (measured on JDK 17 and 25), an
 * image keeps it: jlink generates the image's own base archive, and {@link CdsArchive} dumps the
 * grader's classes on top. Optional: where the JDK has no jlink or the folder is read-only, the
 * harness runs on the JDK itself with {@code --limit-modules}.
 */
final class HarnessRuntime {
  private static final Duration LINK_TIMEOUT = Duration.ofSeconds(300);

  private final GraderInstallation installation;

  HarnessRuntime(GraderInstallation installation) {
    this.installation = installation;
  }

  /** Where the image of this installation's Java lives (whether or not it exists). */
  Path location() {
    return installation.graderJar().resolveSibling("cds").resolve("runtime-" + fingerprint());
  }

  /** The image's java launcher, if the image has been made. */
  Optional<Path> launcher() {
    Path java = location().resolve("bin").resolve("java");
    return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
  }

  /** Makes the image unless it exists, it failed before or its folder cannot be written; never throws. */
  Optional<Path> ensure() {
    if (launcher().isPresent()) {
      return launcher();
    }
    Path image = location();
    Path failed = image.resolveSibling(image.getFileName() + ".failed");
    Path jlink = installation.javaHome().resolve("bin").resolve("jlink");
    try {
      Files.createDirectories(image.getParent());
      if (Files.exists(failed) || !Files.isWritable(image.getParent()) || !Files.isExecutable(jlink)) {
        return Optional.empty();
      }
      Path partial = Files.createTempDirectory(image.getParent(), "link-");
      Path output = partial.resolve("image");
      List<String> command = new ArrayList<>(List.of(jlink.toString(), "--add-modules",
          String.join(",", ModuleOptions.HARNESS_JDK_MODULES), "--output", output.toString(), "--no-header-files",
          "--no-man-pages", "--strip-debug", "--generate-cds-archive"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(partial.resolve("jlink.txt").toFile()).start();
      boolean done = process.waitFor(LINK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!done) {
        process.destroyForcibly().waitFor();
      }
      if (done && process.exitValue() == 0 && Files.isExecutable(output.resolve("bin").resolve("java"))) {
        Files.move(output, image, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.writeString(failed, "jlink failed (see the log in a fresh attempt); delete this file to try again\n");
      }
      WorkDirectory.delete(partial);
    } catch (IOException e) {
      // A read-only installation, or another grader made it first: use what is there.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return launcher();
  }

  /** The JDK (path and release) and the module list, hashed: another JDK or list makes a new image. */
  String fingerprint() {
    StringBuilder text = new StringBuilder(installation.javaHome().toString()).append('\n');
    text.append(String.join(",", ModuleOptions.HARNESS_JDK_MODULES)).append('\n');
    try {
      text.append(Files.readString(installation.javaHome().resolve("release")));
    } catch (IOException e) {
      text.append("no release file\n");
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
    }
  }
}
