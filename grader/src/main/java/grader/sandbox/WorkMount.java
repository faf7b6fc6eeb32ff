package grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A size- and inode-limited tmpfs mounted by the grader (as root) over one writable path of a run,
 * for the run's lifetime. The kernel then holds the work-dir limits whatever the layout the student
 * builds (no walk can be escaped by a path longer than {@code PATH_MAX}), and unmounting removes
 * everything the run wrote, at any depth. The grader-made entries of the path (the results file,
 * the home, tmp and gate directories) are copied into the fresh mount, so the parent reads the
 * results where it always does. The mount's source is named {@code grader-sandbox-<grader pid>-work-<n>},
 * so a later grader removes the mounts of one killed with SIGKILL ({@link #sweepStale}).
 */
final class WorkMount implements AutoCloseable {

  /** Entries below this many bytes in all are copied into the mount; the grader makes only a few empty ones. */
  private static final long MAX_COPIED_BYTES = 1024 * 1024;

  /** The grader-made entries a fresh mount gets besides the run's own files. */
  static final int SPARE_INODES = 64;

  private static final AtomicLong COUNTER = new AtomicLong();

  /** The reason {@code strerror(ENOSPC)} gives, as the JDK reports it in a {@link FileSystemException}. */
  private static final String NO_SPACE = "No space left on device";

  private final Tools tools;
  private final Path dir;
  private final long sizeBytes;
  private boolean mounted = true;

  private WorkMount(Tools tools, Path dir, long sizeBytes) {
    this.tools = tools;
    this.dir = dir;
    this.sizeBytes = sizeBytes;
  }

  /** {@code mount} and {@code umount}, usable only as root. */
  record Tools(Path mount, Path umount) {

    /** The tools when this grader runs as root and has them, else empty (the watchdog walk then holds the limits). */
    static Optional<Tools> detect() {
      if (SandboxUser.currentUid() != 0) {
        return Optional.empty();
      }
      Optional<Path> mount = HostTools.find("mount", List.of());
      Optional<Path> umount = HostTools.find("umount", List.of());
      return mount.isPresent() && umount.isPresent() ? Optional.of(new Tools(mount.get(), umount.get()))
          : Optional.empty();
    }
  }

  /**
   * Mounts a tmpfs of {@code sizeBytes} and {@code maxEntries} (plus the grader's own) inodes over
   * {@code dir}, owned by {@code uid}/{@code gid}, and copies what the grader had put there into it.
   */
  static WorkMount over(Tools tools, Path dir, long sizeBytes, long maxEntries, int uid, int gid) throws IOException {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<Path> dirs = new ArrayList<>();
    long copied = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (path.equals(dir)) {
          continue;
        }
        Path relative = dir.relativize(path);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          dirs.add(relative);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          byte[] bytes = Files.readAllBytes(path);
          copied += bytes.length;
          if (copied > MAX_COPIED_BYTES) {
            throw new IOException("the work dir " + dir + " holds more than " + MAX_COPIED_BYTES
                + " bytes before the run started; the grader puts only empty files there");
          }
          files.put(relative, bytes);
        } else {
          throw new IOException("unexpected entry in a fresh work dir: " + path);
        }
      }
    }
    long inodes = maxEntries + SPARE_INODES + dirs.size() + files.size();
    String source = CgroupScope.PREFIX + ProcessHandle.current().pid() + "-work-" + COUNTER.incrementAndGet();
    run(tools.mount(), "-t", "tmpfs", "-o", "size=" + sizeBytes + ",nr_inodes=" + inodes + ",mode=0700,uid=" + uid
        + ",gid=" + gid + ",nosuid,nodev", source, dir.toString());
    WorkMount mount = new WorkMount(tools, dir, sizeBytes);
    try {
      for (Path relative : dirs) {
        Path made = Files.createDirectories(dir.resolve(relative));
        chown(made, uid, gid);
      }
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Path made = Files.write(dir.resolve(file.getKey()), file.getValue());
        chown(made, uid, gid);
      }
    } catch (IOException | RuntimeException e) {
      mount.close();
      throw e;
    }
    return mount;
  }

  /** The path the tmpfs covers. */
  Path dir() {
    return dir;
  }

  /** The mount's size in bytes. */
  long sizeBytes() {
    return sizeBytes;
  }

  /** Bytes in use on the mount, counted by the kernel (every depth included). */
  long usedBytes() {
    try {
      FileStore store = Files.getFileStore(dir);
      return store.getTotalSpace() - store.getUnallocatedSpace();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Whether the mount still has room for one more file, asked of the kernel by making one (Java
   * cannot read statvfs's free inodes): a mount out of inodes is full however the walk counts it,
   * and the kernel's answer needs no walk below a directory chain longer than {@code PATH_MAX}. The
   * probe is made with {@code O_EXCL} (never through a link the run planted) under a random name and
   * removed at once.
   */
  boolean hasRoomForAnEntry() {
    Path probe = dir.resolve(".grader-probe-" + UUID.randomUUID());
    try {
      Files.createFile(probe);
    } catch (FileSystemException e) {
      return !NO_SPACE.equals(e.getReason());
    } catch (IOException e) {
      return true;
    }
    try {
      Files.deleteIfExists(probe);
    } catch (IOException e) {
      // Unmounting removes it with the rest.
    }
    return true;
  }

  /** Unmounts (lazily if something still holds it), which frees everything the run wrote. */
  @Override
  public synchronized void close() {
    if (!mounted) {
      return;
    }
    mounted = false;
    for (int attempt = 0; attempt < 3; attempt++) {
      if (tryRun(tools.umount(), dir.toString())) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // Detached now, freed when the last process that holds it is gone (they are all being killed).
    tryRun(tools.umount(), "-l", dir.toString());
  }

  /**
   * Unmounts the work mounts of graders that are no longer running (killed with SIGKILL before they
   * could), lazily: whatever held them is dead or dying. Returns the mount points it released.
   */
  static List<Path> sweepStale(Tools tools) {
    List<Path> released = new ArrayList<>();
    for (Map.Entry<String, Path> mount : ownMounts().entrySet()) {
      var pid = StaleRuns.graderPid(mount.getKey());
      if (pid.isPresent() && pid.getAsLong() != ProcessHandle.current().pid()
          && ProcessHandle.of(pid.getAsLong()).isEmpty() && tryRun(tools.umount(), "-l", mount.getValue().toString())) {
        released.add(mount.getValue());
      }
    }
    return released;
  }

  /** The grader's tmpfs mounts on this host: source name to mount point, from {@code /proc/self/mountinfo}. */
  static Map<String, Path> ownMounts() {
    Map<String, Path> found = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return found;
    }
    for (String line : lines) {
      int separator = line.indexOf(" - ");
      if (separator < 0) {
        continue;
      }
      String[] before = line.substring(0, separator).split(" ");
      String[] after = line.substring(separator + 3).split(" ");
      if (before.length > 4 && after.length > 1 && after[0].equals("tmpfs")
          && after[1].startsWith(CgroupScope.PREFIX) && after[1].contains("-work-")) {
        found.put(after[1], Path.of(unescape(before[4])));
      }
    }
    return found;
  }

  /** mountinfo writes space, tab, newline and backslash in paths as {@code \ooo}. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void chown(Path path, int uid, int gid) throws IOException {
    Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
  }

  private static void run(Path program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output;
      try (var in = process.getInputStream()) {
        output = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 30 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + program, e);
    }
  }

  private static boolean tryRun(Path program, String... args) {
    try {
      run(program, args);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
