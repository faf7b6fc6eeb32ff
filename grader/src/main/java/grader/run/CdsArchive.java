package grader.run;

import grader.protocol.RunNonce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A class-data-sharing archive of the classes every harness JVM loads (JUnit, Jackson, Awaitility,
 * the harness), so each harness JVM maps them instead of loading them one by one: about a third less
 * CPU per JVM start (measured: 0.95 s to 0.62 s of CPU for a harness JVM running a trivial suite).
 * Optional: without it, JVMs start as usual.
 *
 * <p>The archive is dumped by a harness JVM that runs {@code grader.child.warmup} from the grader's
 * module path only (no student code, nothing on the class path, as CDS requires), outside any
 * sandbox, and lives next to grader.jar under {@code cds/}. Its name carries a fingerprint of the
 * Java installation and of every jar, so a rebuilt grader or another JDK never uses a stale archive.
 */
public final class CdsArchive {
  static final String WARMUP_SUITE = "grader.child.warmup";
  private static final Duration DUMP_TIMEOUT = Duration.ofSeconds(120);

  private final GraderInstallation installation;
  private final List<String> memoryOptions;

  /** @param memoryOptions the harness's heap and metaspace options (an archive is only valid with the same) */
  CdsArchive(GraderInstallation installation, List<String> memoryOptions) {
    this.installation = installation;
    this.memoryOptions = List.copyOf(memoryOptions);
  }

  /** Where the archive of this installation and Java lives (whether or not it exists). */
  Path location() {
    return installation.graderJar().resolveSibling("cds").resolve("harness-" + fingerprint() + ".jsa");
  }

  /** The archive, if it has been dumped. */
  Optional<Path> existing() {
    Path archive = location();
    return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
  }

  /**
   * Dumps the archive unless it exists, it failed before, or its folder cannot be written. Never
   * throws: the archive only makes JVMs start faster.
   *
   * @return the archive, if there is one now
   */
  Optional<Path> ensure() {
    return BuildTool.ensure(location(), Files::isRegularFile, "dumping the class-data archive failed", this::dump);
  }

  private boolean dump(Path archive) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(archive.getParent(), "dump-");
    try {
      Path results = Files.createFile(work.resolve("results.jsonl"));
      Path partial = work.resolve("harness.jsa");
      List<String> command = new ArrayList<>();
      command.add(installation.javaLauncher().toString());
      command.add("-XX:ArchiveClassesAtExit=" + partial);
      command.addAll(memoryOptions);
      command.add("-Dgrader.submission.classes=" + work);
      command.add("-Djava.io.tmpdir=" + work);
      // The same module options as every harness JVM: an archive maps only with the same module path.
      command.addAll(new ModuleOptions(installation).harness());
      command.add("-m");
      command.add(ChildCommand.HARNESS_MAIN);
      command.add(WARMUP_SUITE);
      command.add(results.toString());
      command.add("--suite-path");
      command.add(installation.harnessJar().toString());
      String nonce = RunNonce.generate(new SecureRandom()).value();
      if (!BuildTool.run(work, command, DUMP_TIMEOUT, nonce) || !Files.isRegularFile(partial)) {
        return false;
      }
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } finally {
      WorkDirectory.delete(work);
    }
  }

  /** The Java installation, the memory options and every jar, hashed (see {@link Fingerprint}). */
  String fingerprint() {
    List<Path> jars = new ArrayList<>(installation.modulePath());
    jars.add(installation.graderJar());
    return Fingerprint.of(installation.javaHome(), memoryOptions, jars);
  }
}
