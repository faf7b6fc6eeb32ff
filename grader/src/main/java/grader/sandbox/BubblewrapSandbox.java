package grader.sandbox;

import grader.sandbox.BubblewrapCommand.SystemMounts;
import grader.scorecard.Isolation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs each command in its own bubblewrap sandbox: new user, PID, network (loopback only), IPC and
 * UTS namespaces, no capabilities, a read-only view of the JDK, the system libraries and the
 * request's read-only paths, its writable paths, a size-limited private {@code /tmp}; rlimits for
 * the whole tree, a cgroup for memory and tasks where the machine allows it, and as root an
 * unprivileged sandbox user. See docs/SANDBOX.md for each layer and what it stops.
 */
public final class BubblewrapSandbox implements Sandbox {

  private static final Set<Path> RESERVED = Set.of(Path.of("/"), Path.of("/tmp"), Path.of("/proc"), Path.of("/dev"),
      Path.of("/etc"), Path.of("/usr"));

  /** Name prefix of each run's private temp dir (launcher copy, passwd); the grader's pid follows. */
  public static final String RUN_DIRECTORY_PREFIX = "grader-sandbox-";

  private final HostTools tools;
  private final SandboxUser user;
  private final CgroupLayout cgroups;
  private final Map<Path, SystemMounts> mountsByJdk = new ConcurrentHashMap<>();
  private final Set<ContainedProcess> live = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean exitHookInstalled = new AtomicBoolean();

  /** Mounting work tmpfs; empty when not root, or once a mount failed (the watchdog walk then holds the limits). */
  private volatile Optional<WorkMount.Tools> mountTools = WorkMount.Tools.detect();

  /**
   * One thread that is never replaced starts every sandbox: {@code --die-with-parent} is the parent
   * <em>thread's</em> death signal, so a sandbox started from a short-lived thread would be killed
   * when that thread ends (measured: it is).
   */
  private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "sandbox-starter");
    thread.setDaemon(true);
    return thread;
  });

  public BubblewrapSandbox(HostTools tools, SandboxUser user, CgroupLayout cgroups) {
    if (tools.bwrap().isEmpty()) {
      throw new IllegalArgumentException("bubblewrap (bwrap) is not installed");
    }
    this.tools = tools;
    this.user = user;
    this.cgroups = cgroups;
  }

  @Override
  public Isolation isolation() {
    return Isolation.BUBBLEWRAP;
  }

  /** The account sandboxed code runs as. */
  public SandboxUser user() {
    return user;
  }

  /** The cgroups each run gets (possibly none). */
  public CgroupLayout cgroups() {
    return cgroups;
  }

  @Override
  public SandboxedProcess start(SandboxRequest request) throws IOException {
    Path java = realLauncher(request.command().get(0));
    Path jdkHome = java.getParent().getParent();
    SystemMounts mounts = mountsFor(jdkHome);
    checkPaths(request);
    Path runDirectory = Files.createTempDirectory(RUN_DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Optional<CgroupScope> scope = Optional.empty();
    List<WorkMount> workMounts = new ArrayList<>();
    try {
      // Traversable but not listable, so the sandbox user's bubblewrap can bind the two files.
      Files.setPosixFilePermissions(runDirectory, PosixFilePermissions.fromString("rwx--x--x"));
      Path launcher = executeOnlyCopy(java, runDirectory);
      Path passwd = passwdFile(request, runDirectory);
      if (user.dropFromRoot()) {
        WorkTree.giveTo(request.writablePaths(), user);
        checkReachable(request);
      }
      mountWorkDirectories(request, workMounts);
      if (cgroups.available()) {
        scope = Optional.of(CgroupScope.create(cgroups, request.limits()));
      }
      BubblewrapCommand command = new BubblewrapCommand(tools, user,
          scope.map(CgroupScope::procsFiles).orElse(List.of()), mounts, Optional.of(launcher), Optional.of(passwd),
          jdkHome, noexecTmp(runDirectory), request);
      installExitHook();
      Process process = startOnStarterThread(command.toList(), request);
      ContainedProcess contained = new ContainedProcess(process, scope, workMounts, request, runDirectory,
          user.dropFromRoot() ? Optional.of(user) : Optional.empty(), live::remove);
      live.add(contained);
      return contained;
    } catch (IOException | RuntimeException e) {
      scope.ifPresent(CgroupScope::close);
      workMounts.forEach(WorkMount::close);
      ContainedProcess.deleteTree(runDirectory);
      throw e;
    }
  }

  /** Where the run's noexec /tmp is mounted, when the grader can make one (root, with unshare and mount). */
  private Optional<Path> noexecTmp(Path runDirectory) throws IOException {
    if (!(user.dropFromRoot() && tools.unshare().isPresent() && tools.mount().isPresent()
        && tools.shell().isPresent())) {
      return Optional.empty();
    }
    return Optional.of(Files.createDirectory(runDirectory.resolve("tmp")));
  }

  /**
   * Puts a size- and inode-limited tmpfs over each writable path (as root), so the kernel holds the
   * work-dir limits at any depth and unmounting removes all the run wrote. Where mounting fails
   * (a container without the right to mount), later runs do without and the watchdog's walk holds them.
   */
  private void mountWorkDirectories(SandboxRequest request, List<WorkMount> mounts) {
    Optional<WorkMount.Tools> available = mountTools;
    if (available.isEmpty()) {
      return;
    }
    ResourceLimits limits = request.limits();
    int uid = user.dropFromRoot() ? user.uid() : SandboxUser.currentUid();
    int gid = user.dropFromRoot() ? user.gid() : 0;
    try {
      for (Path writable : request.writablePaths()) {
        mounts.add(WorkMount.over(available.get(), writable, (long) limits.maxWorkMegabytes() * 1024 * 1024,
            limits.maxWorkFiles(), uid, gid));
      }
    } catch (IOException e) {
      mounts.forEach(WorkMount::close);
      mounts.clear();
      mountTools = Optional.empty();
    }
  }

  @Override
  public Map<String, String> facts() {
    Map<String, String> facts = new java.util.LinkedHashMap<>();
    facts.put("cpu_share", cgroups.sharesCpu()
        ? "one equal CPU share per run (cgroup cpu.weight " + CgroupScope.CPU_WEIGHT + " / cpu.shares "
            + CgroupScope.CPU_SHARES + ")"
        : "none (" + cgroups.description() + ")");
    facts.put("work_dir", mountsWorkDirectories()
        ? "a tmpfs per run, size- and inode-limited, unmounted at the end"
        : "watched by a handle-based walk (no tmpfs: the grader is not root)");
    return facts;
  }

  /** Whether runs get a tmpfs of their own over their writable paths (see {@link WorkMount}). */
  public boolean mountsWorkDirectories() {
    return mountTools.isPresent();
  }

  /**
   * Closes the runs still open when the grader exits normally (Ctrl-C included), so their cgroups
   * and temp dirs go too; the processes themselves die with the grader anyway (--die-with-parent).
   * A grader killed with SIGKILL leaves them to {@link StaleRuns}.
   */
  private void installExitHook() {
    if (exitHookInstalled.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(live).forEach(ContainedProcess::close),
          "sandbox-cleanup"));
    }
  }

  private Process startOnStarterThread(List<String> command, SandboxRequest request) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(request.stdout().toFile())
        .redirectError(request.stderr().toFile());
    // Nothing of the grader's environment reaches the wrappers; bwrap --clearenv does the rest.
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    Future<Process> started = starter.submit(builder::start);
    try {
      return started.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw new IOException("cannot start bubblewrap: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // The start may still complete: such a sandbox dies with the grader (--die-with-parent).
      throw new IOException("interrupted while starting the sandbox", e);
    }
  }

  private SystemMounts mountsFor(Path jdkHome) throws IOException {
    try {
      return mountsByJdk.computeIfAbsent(jdkHome, home -> {
        try {
          return SystemMounts.forJdk(home);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw new IOException("cannot list the JDK at " + jdkHome + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The real path of the {@code java} launcher the command starts with. */
  private static Path realLauncher(String first) throws IOException {
    Path java = Path.of(first);
    if (!java.isAbsolute()) {
      throw new IOException("the command must start with the absolute path of java, was " + first);
    }
    Path real = java.toRealPath();
    if (real.getParent() == null || real.getParent().getFileName() == null
        || !real.getParent().getFileName().toString().equals("bin") || real.getParent().getParent() == null) {
      throw new IOException("the command must start with a JDK's bin/java, was " + first + " (" + real + ")");
    }
    return real;
  }

  private static void checkPaths(SandboxRequest request) throws IOException {
    List<Path> all = new ArrayList<>(request.readOnlyPaths());
    all.addAll(request.writablePaths());
    for (Path path : all) {
      if (!path.isAbsolute() || !path.normalize().equals(path)) {
        throw new IOException("sandbox paths must be absolute and normalized, was " + path);
      }
      if (RESERVED.contains(path)) {
        throw new IOException("refusing to show " + path + " to the sandbox: it would expose or hide the system");
      }
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("sandbox path does not exist: " + path);
      }
      if (Files.isSymbolicLink(path)) {
        throw new IOException("sandbox paths must not be symbolic links, was " + path + " -> "
            + Files.readSymbolicLink(path));
      }
    }
    for (Path writable : request.writablePaths()) {
      if (!Files.isDirectory(writable, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("writable sandbox paths must be directories, was " + writable);
      }
    }
    Path workingDirectory = request.workingDirectory();
    if (all.stream().noneMatch(workingDirectory::startsWith)) {
      throw new IOException("the working directory " + workingDirectory
          + " is not inside a path shown to the sandbox: " + all);
    }
  }

  /**
   * As root, bubblewrap runs as the sandbox user and must be able to reach every bound path: fails
   * early, naming the directory to fix, instead of with bwrap's "Can't find source path".
   */
  private void checkReachable(SandboxRequest request) throws IOException {
    List<Path> all = new ArrayList<>(request.readOnlyPaths());
    all.addAll(request.writablePaths());
    for (Path path : all) {
      for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
        if (!allows(dir, 1) && isOwnTempDirectory(dir)) {
          // A private temp dir of the grader (createTempDirectory makes them rwx------): search
          // permission lets bubblewrap reach the bound path below; nobody can list the dir.
          Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
          mode.addAll(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
          mode.add(PosixFilePermission.OTHERS_EXECUTE);
          Files.setPosixFilePermissions(dir, mode);
        }
        if (!allows(dir, 1)) {
          throw new IOException("the sandbox user " + user.name() + " (uid " + user.uid() + ") cannot reach " + path
              + ": directory " + dir + " is not searchable for it (mode "
              + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)) + "); put the grader's work dir"
              + " and jars where others may traverse (chmod o+x), e.g. not under /root");
        }
      }
      boolean directory = Files.isDirectory(path);
      if (!allows(path, directory ? 5 : 4)) {
        throw new IOException("the sandbox user " + user.name() + " (uid " + user.uid() + ") cannot read " + path
            + " (mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + ")");
      }
    }
  }

  /** A directory below the system temp dir that the grader itself owns (and so may open for search). */
  private static boolean isOwnTempDirectory(Path dir) throws IOException {
    Path temp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
    return dir.startsWith(temp) && !dir.equals(temp) && !Files.isSymbolicLink(dir)
        && ((Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == SandboxUser.currentUid();
  }

  /** Whether the sandbox user has all of {@code bits} (r=4, w=2, x=1) on {@code path}. */
  private boolean allows(Path path, int bits) throws IOException {
    int uid = (Integer) Files.getAttribute(path, "unix:uid");
    int gid = (Integer) Files.getAttribute(path, "unix:gid");
    int mode = (Integer) Files.getAttribute(path, "unix:mode");
    int granted = uid == user.uid() ? (mode >> 6) & 7 : gid == user.gid() ? (mode >> 3) & 7 : mode & 7;
    return (granted & bits) == bits;
  }

  /**
   * A copy of the launcher that may be executed but not read: the kernel then makes the JVM
   * non-dumpable, so {@code /proc/self/mem}, {@code /proc/self/environ} and {@code /proc/<pid>/fd}
   * of sandboxed JVMs are closed to the student (notes/sandbox.md 7.2). The bind is read-only, so the
   * mode cannot be changed back from inside.
   *
   * <p>{@code cp} writes the copy, not this JVM: a file this JVM holds open for writing is inherited
   * by every process it starts in the meantime (another exercise's JVM, another part of the same
   * exercise, started at the same moment), and executing the copy then fails with "Text file busy"
   * until that child has closed it, a JVM that stops at start-up for no fault of the student's.
   */
  private static Path executeOnlyCopy(Path java, Path runDirectory) throws IOException {
    Path copy = runDirectory.resolve("java");
    Path cp = Files.isExecutable(Path.of("/bin/cp")) ? Path.of("/bin/cp") : Path.of("/usr/bin/cp");
    Process process = new ProcessBuilder(cp.toString(), "--", java.toString(), copy.toString())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    // A few KB, copied in milliseconds: waited for even when interrupted (the flag is kept), so
    // no copy is left half-written for the run that follows.
    boolean interrupted = false;
    while (true) {
      try {
        process.waitFor();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (process.exitValue() != 0) {
      throw new IOException("cannot copy the java launcher " + java + " into " + runDirectory + " with " + cp
          + " (exit status " + process.exitValue() + ")");
    }
    Files.setPosixFilePermissions(copy, Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_EXECUTE));
    return copy;
  }

  /** A passwd with only the sandbox user, so the JVM's {@code user.name}/{@code user.home} are not "?". */
  private Path passwdFile(SandboxRequest request, Path runDirectory) throws IOException {
    String home = request.environment().getOrDefault("HOME", request.workingDirectory().toString());
    String account = user.dropFromRoot() ? user.name() : "student";
    String line = account.replace(':', '_') + ":x:" + user.uid() + ":" + user.gid() + "::" + home.replace(':', '_')
        + ":/nonexistent\n";
    Path passwd = runDirectory.resolve("passwd");
    Files.writeString(passwd, line, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-r--r--"));
    return passwd;
  }
}
