package grader.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host programs the sandbox is assembled from, found once by absolute path so that nothing
 * depends on the {@code PATH} of a later environment.
 *
 * @param bwrap bubblewrap, if installed
 * @param prlimit util-linux {@code prlimit} (rlimits for the whole tree)
 * @param setpriv util-linux {@code setpriv} (drops root to the sandbox user)
 * @param shell a POSIX shell, used outside the sandbox only to enter the run's cgroups and to mount
 *     its noexec file systems before exec
 * @param unshare util-linux {@code unshare} (root only: a private mount namespace for those mounts)
 * @param mount util-linux {@code mount}
 */
public record HostTools(Optional<Path> bwrap, Optional<Path> prlimit, Optional<Path> setpriv, Optional<Path> shell,
    Optional<Path> unshare, Optional<Path> mount) {

  private static final List<String> SYSTEM_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin");

  /** Looks the tools up on {@code PATH} and in the usual system directories. */
  public static HostTools detect() {
    return new HostTools(find("bwrap", List.of()), find("prlimit", List.of()), find("setpriv", List.of()),
        find("sh", List.of()), find("unshare", List.of()), find("mount", List.of()));
  }

  /** The first executable file called {@code name} on {@code PATH}, then in {@code extraDirs}, then system dirs. */
  static Optional<Path> find(String name, List<String> extraDirs) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(":")) {
        if (!dir.isBlank()) {
          dirs.add(dir);
        }
      }
    }
    dirs.addAll(extraDirs);
    dirs.addAll(SYSTEM_DIRS);
    for (String dir : dirs) {
      Path candidate = Path.of(dir).resolve(name);
      if (candidate.isAbsolute() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }
}
