package grader.sandbox;

import grader.scorecard.Isolation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The fallback sandbox: a plain child process with limits. The environment is exactly the request's,
 * standard output and error go to the request's files, and where util-linux {@code prlimit} exists
 * it sets the open-file, file-size and core-dump limits (never {@code RLIMIT_AS}, which a JVM cannot
 * live with, and never {@code RLIMIT_NPROC}, which counts every process of the user). There is no
 * file-system or network isolation: the scorecard says so ({@link Isolation#PROCESS}).
 */
public final class ProcessSandbox implements Sandbox {
  private static final List<Path> PRLIMIT_CANDIDATES = List.of(Path.of("/usr/bin/prlimit"), Path.of("/bin/prlimit"));

  private final Optional<Path> prlimit;

  /** @param prlimit the {@code prlimit} program, or empty to run without rlimits */
  public ProcessSandbox(Optional<Path> prlimit) {
    this.prlimit = Objects.requireNonNull(prlimit, "prlimit must not be null");
  }

  /** Uses {@code prlimit} from its usual place if it is installed. */
  public static ProcessSandbox detect() {
    return new ProcessSandbox(PRLIMIT_CANDIDATES.stream().filter(Files::isExecutable).findFirst());
  }

  @Override
  public Isolation isolation() {
    return Isolation.PROCESS;
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
    return new Running(builder.start());
  }

  /** The request's command, behind {@code prlimit} when available (prlimit execs it: same pid). */
  List<String> command(SandboxRequest request) {
    if (prlimit.isEmpty()) {
      return request.command();
    }
    ResourceLimits limits = request.limits();
    long fileBytes = limits.maxFileMegabytes() * 1024L * 1024L;
    List<String> command = new ArrayList<>();
    command.add(prlimit.get().toString());
    command.add("--nofile=" + limits.maxOpenFiles() + ":" + limits.maxOpenFiles());
    command.add("--fsize=" + fileBytes + ":" + fileBytes);
    command.add("--core=0:0");
    command.add("--");
    command.addAll(request.command());
    return command;
  }

  /** A started child; killing walks its descendants, because a dead parent's children are orphaned. */
  private static final class Running implements SandboxedProcess {
    private static final int MAX_KILL_ROUNDS = 50;

    private final Process process;

    Running(Process process) {
      this.process = process;
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
      // Descendants first and again until none are left, so a process that forks while we kill is
      // caught in the next round; the root last, because once it is dead its orphans can no longer
      // be found through it. Whatever escapes by double-forking needs a PID namespace or a cgroup.
      // Killed processes linger as zombies until reaped, so a round ends the loop when it finds no
      // process it has not signalled yet.
      Set<Long> signalled = new HashSet<>();
      for (int round = 0; round < MAX_KILL_ROUNDS; round++) {
        List<ProcessHandle> fresh =
            process.descendants().filter(p -> !signalled.contains(p.pid())).toList();
        if (fresh.isEmpty()) {
          break;
        }
        for (ProcessHandle descendant : fresh) {
          descendant.destroyForcibly();
          signalled.add(descendant.pid());
        }
      }
      process.destroyForcibly();
    }

    @Override
    public void close() {
      kill();
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
