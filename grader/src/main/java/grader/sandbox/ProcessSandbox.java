package grader.sandbox;

import grader.scorecard.Isolation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The fallback sandbox: a plain child process with limits. The environment is exactly the request's,
 * standard output and error go to the request's files, and where util-linux {@code prlimit} exists
 * it sets the open-file, file-size and core-dump limits (never {@code RLIMIT_AS}, which a JVM cannot
 * live with, and never {@code RLIMIT_NPROC}, which counts every process of the user). There is no
 * file-system or network isolation: the scorecard says so ({@link Isolation#PROCESS}).
 *
 * <p>Where util-linux {@code setsid} exists the command starts in a new session, so it leads its own
 * process group: a process the student started that was orphaned when the JVM exited keeps that
 * group and is still found and killed. Only a process that leaves the group on purpose escapes; a
 * PID namespace or a cgroup ({@code BubblewrapSandbox}) is the reliable way.
 */
public final class ProcessSandbox implements Sandbox {
  private static final List<String> SYSTEM_DIRS = List.of("/usr/bin", "/bin");

  private final Optional<Path> prlimit;
  private final Optional<Path> setsid;
  private final Set<Running> running = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean cleanupInstalled = new AtomicBoolean();

  /**
   * @param prlimit the {@code prlimit} program, or empty to run without rlimits
   * @param setsid the {@code setsid} program, or empty to run in the grader's process group
   */
  public ProcessSandbox(Optional<Path> prlimit, Optional<Path> setsid) {
    this.prlimit = Objects.requireNonNull(prlimit, "prlimit must not be null");
    this.setsid = Objects.requireNonNull(setsid, "setsid must not be null");
  }

  /** Uses {@code prlimit} and {@code setsid} from their usual places where they are installed. */
  public static ProcessSandbox detect() {
    return new ProcessSandbox(find("prlimit"), find("setsid"));
  }

  private static Optional<Path> find(String program) {
    return SYSTEM_DIRS.stream().map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
  }

  @Override
  public Isolation isolation() {
    return Isolation.PROCESS;
  }

  @Override
  public Map<String, String> facts() {
    return Map.of("cpu_share", "none (isolation: process)", "work_dir", "not limited (isolation: process)");
  }

  /** True when rlimits are applied. */
  public boolean appliesRlimits() {
    return prlimit.isPresent();
  }

  @Override
  public SandboxedProcess start(SandboxRequest request) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(request))
        .directory(request.workingDirectory().toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE)
        .redirectOutput(request.stdout().toFile())
        .redirectError(request.stderr().toFile());
    builder.environment().clear();
    builder.environment().putAll(request.environment());
    installCleanup();
    Running started = new Running(builder.start(), setsid.isPresent(), running::remove);
    running.add(started);
    return started;
  }

  /**
   * A child in its own session no longer gets the terminal's Ctrl-C; so when the grader's JVM shuts
   * down, it kills what is still running (a killed grader leaves the harness to notice by itself).
   */
  private void installCleanup() {
    if (cleanupInstalled.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(Running::kill), "grader-sandbox-cleanup"));
    }
  }

  /**
   * The request's command behind {@code setsid} and {@code prlimit} when available. Both exec the
   * next program, so the pid is the JVM's. (setsid forks only when its caller leads a process group,
   * and a process started by ProcessBuilder never does.)
   */
  List<String> command(SandboxRequest request) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(s -> command.add(s.toString()));
    if (prlimit.isPresent()) {
      ResourceLimits limits = request.limits();
      long fileBytes = limits.maxFileMegabytes() * 1024L * 1024L;
      command.add(prlimit.get().toString());
      command.add("--nofile=" + limits.maxOpenFiles() + ":" + limits.maxOpenFiles());
      command.add("--fsize=" + fileBytes + ":" + fileBytes);
      command.add("--core=0:0");
      command.add("--");
    }
    command.addAll(request.command());
    return command;
  }

  /** A started child; killing walks its descendants and its process group. */
  private static final class Running implements SandboxedProcess {
    private static final int MAX_KILL_ROUNDS = 50;

    private final Process process;
    private final boolean ownGroup;
    private final Consumer<Running> onClose;

    Running(Process process, boolean ownGroup, Consumer<Running> onClose) {
      this.process = process;
      this.ownGroup = ownGroup;
      this.onClose = onClose;
    }

    @Override
    public OutputStream stdin() {
      return process.getOutputStream();
    }

    @Override
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
      if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return OptionalInt.of(process.exitValue());
      }
      return OptionalInt.empty();
    }

    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public void kill() {
      // Descendants first and again until no new one shows up, so a process that forks while we kill
      // is caught in the next round (killed ones linger as zombies until reaped, hence "new"); the root
      // last, because once it is dead its orphans can no longer be found through it; then whatever
      // is left in its process group, orphans included.
      Set<Long> signalled = new HashSet<>();
      for (int round = 0; round < MAX_KILL_ROUNDS; round++) {
        List<ProcessHandle> fresh = process.descendants().filter(p -> !signalled.contains(p.pid())).toList();
        if (fresh.isEmpty()) {
          break;
        }
        for (ProcessHandle descendant : fresh) {
          descendant.destroyForcibly();
          signalled.add(descendant.pid());
        }
      }
      process.destroyForcibly();
      if (ownGroup) {
        killGroup(process.pid(), signalled);
      }
    }

    private static void killGroup(long group, Set<Long> signalled) {
      for (int round = 0; round < MAX_KILL_ROUNDS; round++) {
        List<ProcessHandle> members = ProcessHandle.allProcesses()
            .filter(p -> p.pid() != group && !signalled.contains(p.pid()))
            .filter(p -> processGroupOf(p.pid()).orElse(-1) == group)
            .toList();
        if (members.isEmpty()) {
          return;
        }
        for (ProcessHandle member : members) {
          member.destroyForcibly();
          signalled.add(member.pid());
        }
      }
    }

    /** Field 5 of /proc/<pid>/stat; the command name before it may contain spaces and parentheses. */
    static OptionalLong processGroupOf(long pid) {
      try {
        String stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")),
            StandardCharsets.UTF_8);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return OptionalLong.of(Long.parseLong(fields[2]));
      } catch (IOException | RuntimeException e) {
        return OptionalLong.empty(); // gone already, or not Linux
      }
    }

    @Override
    public void close() {
      kill();
      onClose.accept(this);
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // The pipe to a dead process may already be broken; nothing to release.
      }
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 10 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
