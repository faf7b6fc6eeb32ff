package grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The command line that starts one sandboxed run, outermost layer first (notes/sandbox.md 0 and
 * 2.2): a shell that moves itself into the run's cgroups and execs {@code prlimit} (rlimits for the
 * whole tree), which execs {@code setpriv} (root only: drop to the sandbox user), which execs
 * {@code bwrap}, which starts the JVM in fresh namespaces. Every step execs the next, so the
 * process the grader holds is bubblewrap's monitor and killing it ends the sandbox
 * ({@code --die-with-parent} and the PID namespace).
 *
 * @param tools absolute paths of the host programs
 * @param user the account the sandbox runs as
 * @param cgroupProcs the run's {@code cgroup.procs} files; empty without cgroups
 * @param system read-only binds and symlinks that make a JDK run (system libraries, JDK, its
 *     configuration outside its directory)
 * @param launcher the execute-only copy of the {@code java} launcher, bound over the real one
 * @param passwd a one-line {@code /etc/passwd} naming the sandbox user
 * @param jdkHome the real path of the JDK the command runs
 * @param noexecTmp root only: an empty host directory on which a {@code noexec} tmpfs is mounted in
 *     a private mount namespace, to become the sandbox's {@code /tmp}; the writable paths are
 *     re-mounted {@code noexec} there too. Bubblewrap has no option for {@code noexec}, but its binds
 *     keep the flags of the mount they bind, so written bytes never become native code or programs.
 *     Empty: bubblewrap's own tmpfs (executable), for graders that are not root
 * @param request what to run
 */
public record BubblewrapCommand(
    HostTools tools,
    SandboxUser user,
    List<Path> cgroupProcs,
    SystemMounts system,
    Optional<Path> launcher,
    Optional<Path> passwd,
    Path jdkHome,
    Optional<Path> noexecTmp,
    SandboxRequest request) {

  /** Why a script: only a shell can enter cgroups and then exec; the name shows in ps output. */
  static final String JOIN_SCRIPT =
      "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n-1)); done; exec \"$@\"";

  /**
   * Runs as root in the run's private mount namespace: a noexec tmpfs of the given size for
   * {@code /tmp}, each writable path bound onto itself and re-mounted noexec, then exec.
   */
  static final String NOEXEC_SCRIPT = "m=$1; t=$2; size=$3; shift 3; "
      + "\"$m\" -t tmpfs -o noexec,nosuid,nodev,size=\"$size\",mode=1777 tmpfs \"$t\" || exit 125; "
      + "while [ \"$1\" != -- ]; do \"$m\" --bind \"$1\" \"$1\" && \"$m\" -o remount,bind,noexec,nosuid,nodev \"$1\""
      + " || exit 125; shift; done; shift; exec \"$@\"";

  public BubblewrapCommand {
    cgroupProcs = List.copyOf(cgroupProcs);
    if (noexecTmp.isPresent() && !(user.dropFromRoot() && tools.unshare().isPresent() && tools.mount().isPresent()
        && tools.shell().isPresent())) {
      throw new IllegalArgumentException("noexec mounts need root, unshare, mount and a shell");
    }
    if (tools.bwrap().isEmpty()) {
      throw new IllegalArgumentException("bwrap is not installed");
    }
    if (!cgroupProcs.isEmpty() && tools.shell().isEmpty()) {
      throw new IllegalArgumentException("a shell is needed to enter cgroups");
    }
    if (user.dropFromRoot() && tools.setpriv().isEmpty()) {
      throw new IllegalArgumentException("setpriv is needed to drop root before bubblewrap starts");
    }
  }

  /**
   * Read-only binds and symlinks of the host's system directories and the JDK.
   *
   * @param symlinks link path to target, created inside the sandbox (merged-/usr layouts: /lib)
   * @param readOnly directories and files bound read-only at their real paths
   */
  public record SystemMounts(Map<Path, String> symlinks, List<Path> readOnly) {

    /** Where glibc and the JDK's native dependencies live on the usual Linux layouts. */
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/lib", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu");

    /** Small files a JVM and glibc's resolver read ({@code localhost}); /etc/passwd is generated. */
    private static final List<String> ETC_FILES = List.of("/etc/hosts", "/etc/nsswitch.conf", "/etc/host.conf");

    public SystemMounts {
      symlinks = Map.copyOf(symlinks);
      readOnly = List.copyOf(readOnly);
    }

    /**
     * The mounts a JDK at {@code jdkHome} (its real path) needs: the library directories (no
     * {@code /usr/bin}: no shell for the student), the JDK, and the directories its symlinks point
     * to outside it (Debian's JDK 17 keeps {@code conf/} in {@code /etc/java-17-openjdk}).
     */
    public static SystemMounts forJdk(Path jdkHome) throws java.io.IOException {
      Map<Path, String> links = new java.util.HashMap<>();
      List<Path> binds = new ArrayList<>();
      for (String name : LIBRARY_DIRS) {
        Path dir = Path.of(name);
        if (links.keySet().stream().anyMatch(dir::startsWith) || binds.stream().anyMatch(dir::startsWith)) {
          continue;
        }
        if (java.nio.file.Files.isSymbolicLink(dir)) {
          links.put(dir, java.nio.file.Files.readSymbolicLink(dir).toString());
        } else if (java.nio.file.Files.isDirectory(dir) && !name.equals("/lib")) {
          binds.add(dir);
        }
      }
      binds.add(jdkHome);
      for (Path target : outsideTargets(jdkHome)) {
        if (binds.stream().noneMatch(target::startsWith)) {
          binds.removeIf(b -> b.startsWith(target));
          binds.add(target);
        }
      }
      for (String name : ETC_FILES) {
        if (java.nio.file.Files.isRegularFile(Path.of(name))) {
          binds.add(Path.of(name));
        }
      }
      binds.sort(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
      return new SystemMounts(links, binds);
    }

    /** Directories outside {@code jdkHome} that its symlinks point into (collapsed to {@code /etc/java*}). */
    private static List<Path> outsideTargets(Path jdkHome) throws java.io.IOException {
      java.util.Set<Path> dirs = new java.util.TreeSet<>();
      try (var files = java.nio.file.Files.walk(jdkHome)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (!java.nio.file.Files.isSymbolicLink(file)) {
            continue;
          }
          Path target;
          try {
            target = file.toRealPath();
          } catch (java.io.IOException dangling) {
            continue;
          }
          if (target.startsWith(jdkHome)) {
            continue;
          }
          Path dir = java.nio.file.Files.isDirectory(target) ? target : target.getParent();
          if (dir.getNameCount() >= 2 && dir.startsWith("/etc") && dir.getName(1).toString().startsWith("java")) {
            dir = dir.getRoot().resolve(dir.subpath(0, 2));
          }
          if (dir.getNameCount() >= 2 && !jdkHome.startsWith(dir)) {
            dirs.add(dir);
          }
        }
      }
      List<Path> collapsed = new ArrayList<>();
      for (Path dir : dirs) {
        if (collapsed.stream().noneMatch(dir::startsWith)) {
          collapsed.removeIf(c -> c.startsWith(dir));
          collapsed.add(dir);
        }
      }
      return collapsed;
    }
  }

  /** The full argument list, starting with the outermost program. */
  public List<String> toList() {
    ResourceLimits limits = request.limits();
    List<String> args = new ArrayList<>();
    if (!cgroupProcs.isEmpty()) {
      args.addAll(List.of(tools.shell().orElseThrow().toString(), "-c", JOIN_SCRIPT, "grader-sandbox-join",
          Integer.toString(cgroupProcs.size())));
      cgroupProcs.forEach(p -> args.add(p.toString()));
    }
    if (tools.prlimit().isPresent()) {
      args.add(tools.prlimit().get().toString());
      args.addAll(rlimits(limits));
      args.add("--");
    }
    noexecTmp.ifPresent(tmp -> {
      // Root, before dropping to the sandbox user: the mounts are private to this run (and vanish with it).
      args.addAll(List.of(tools.unshare().orElseThrow().toString(), "--mount", "--propagation", "private", "--",
          tools.shell().orElseThrow().toString(), "-c", NOEXEC_SCRIPT, "grader-sandbox-noexec",
          tools.mount().orElseThrow().toString(), tmp.toString(), limits.tmpMegabytes() + "m"));
      request.writablePaths().forEach(p -> args.add(p.toString()));
      args.add("--");
    });
    if (user.dropFromRoot()) {
      args.addAll(List.of(tools.setpriv().orElseThrow().toString(), "--reuid=" + user.uid(), "--regid=" + user.gid(),
          "--clear-groups", "--no-new-privs", "--"));
    }
    args.add(tools.bwrap().orElseThrow().toString());
    // "localhost" as the host name: /etc/hosts resolves it, so InetAddress.getLocalHost() works
    // inside as it does outside (with any other name it throws UnknownHostException).
    args.addAll(List.of("--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session",
        "--cap-drop", "ALL", "--hostname", "localhost"));
    // /tmp before every bind: a work dir or a Java (a test installation's run-time image) under the
    // host's /tmp is then mounted on top of the private tmpfs instead of being hidden by it.
    if (noexecTmp.isPresent()) {
      args.addAll(List.of("--bind", noexecTmp.get().toString(), "/tmp"));
    } else {
      args.addAll(List.of("--size", Long.toString((long) limits.tmpMegabytes() * 1024 * 1024), "--tmpfs", "/tmp"));
    }
    // Sorted so that a link's parent exists before the link and binds are shallow before deep.
    new TreeMap<>(system.symlinks()).forEach((link, target) -> args.addAll(List.of("--symlink", target,
        link.toString())));
    for (Path path : system.readOnly()) {
      args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
    }
    launcher.ifPresent(copy -> args.addAll(List.of("--ro-bind", copy.toString(),
        jdkHome.resolve("bin").resolve("java").toString())));
    passwd.ifPresent(file -> args.addAll(List.of("--ro-bind", file.toString(), "/etc/passwd")));
    // A read-only /dev: its device nodes still work, but there is no writable (and executable) /dev/shm.
    args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev"));
    for (Bind bind : requestBinds()) {
      args.addAll(List.of(bind.writable() ? "--bind" : "--ro-bind", bind.path().toString(), bind.path().toString()));
    }
    args.addAll(List.of("--remount-ro", "/"));
    args.add("--clearenv");
    new TreeMap<>(request.environment()).forEach((name, value) -> args.addAll(List.of("--setenv", name, value)));
    args.addAll(List.of("--chdir", request.workingDirectory().toString(), "--"));
    List<String> command = new ArrayList<>(request.command());
    command.set(0, jdkHome.resolve("bin").resolve("java").toString());
    args.addAll(command);
    return args;
  }

  /** {@code prlimit} options: hard limits equal to the soft ones, so no process can raise them. */
  static List<String> rlimits(ResourceLimits limits) {
    long fileBytes = (long) limits.maxFileMegabytes() * 1024 * 1024;
    // CPU seconds are a backstop only (wall clock and cgroup.kill come first): every core for the
    // whole wall clock, plus a margin for JIT and GC threads.
    long cpuSeconds = limits.wallClock().plus(Duration.ofSeconds(30)).toSeconds() * Math.max(2, limits.activeProcessors());
    return List.of("--nofile=" + limits.maxOpenFiles() + ":" + limits.maxOpenFiles(),
        "--fsize=" + fileBytes + ":" + fileBytes, "--core=0:0", "--cpu=" + cpuSeconds + ":" + cpuSeconds);
  }

  private record Bind(Path path, boolean writable) {}

  /** The request's paths, parents before children so a nested read-only path stays read-only. */
  private List<Bind> requestBinds() {
    List<Bind> binds = new ArrayList<>();
    request.writablePaths().forEach(p -> binds.add(new Bind(p, true)));
    // Paths the system binds already show read-only are left out: binding the JDK again would
    // cover the execute-only launcher.
    request.readOnlyPaths().stream()
        .filter(p -> system.readOnly().stream().noneMatch(p::startsWith))
        .forEach(p -> binds.add(new Bind(p, false)));
    binds.sort(Comparator.comparingInt((Bind b) -> b.path().getNameCount()).thenComparing(b -> b.path().toString()));
    return binds;
  }
}
