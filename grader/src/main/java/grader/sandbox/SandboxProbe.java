package grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether bubblewrap works on this machine, found by starting a real sandboxed {@code java
 * -version} with every layer a graded run gets (so a missing library bind, a refused user namespace
 * or the loopback failure of GitHub's Ubuntu 24.04 runners shows up here, once, and not as four
 * crashed exercises).
 *
 * @param sandbox the working sandbox, or empty
 * @param problem why bubblewrap cannot be used (empty when it can)
 * @param fix the one thing to do about it (empty when it works)
 * @param notes what else was noticed (cgroups missing, account not created), for the log
 */
public record SandboxProbe(Optional<BubblewrapSandbox> sandbox, String problem, String fix, List<String> notes) {

  /** The sysctl that lifts Ubuntu's AppArmor restriction of unprivileged user namespaces. */
  public static final String USERNS_FIX = "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0";

  /** How to install bubblewrap on Debian and Ubuntu. */
  public static final String INSTALL_FIX = "sudo apt-get install -y bubblewrap";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  public SandboxProbe {
    notes = List.copyOf(notes);
  }

  /** Probes with the JDK the grader itself runs on. */
  public static SandboxProbe run() {
    return run(HostTools.detect(), Path.of(System.getProperty("java.home")));
  }

  static SandboxProbe run(HostTools tools, Path javaHome) {
    List<String> notes = new ArrayList<>();
    if (tools.bwrap().isEmpty()) {
      return new SandboxProbe(Optional.empty(), "bubblewrap (bwrap) is not installed", INSTALL_FIX, notes);
    }
    SandboxUser user = SandboxUser.resolve(notes);
    if (user.dropFromRoot() && tools.setpriv().isEmpty()) {
      return new SandboxProbe(Optional.empty(), "setpriv (util-linux) is missing: cannot leave root before bubblewrap",
          "sudo apt-get install -y util-linux", notes);
    }
    if (tools.prlimit().isEmpty()) {
      notes.add("prlimit (util-linux) is missing: no file-size, open-file or core-dump limits");
    }
    CgroupLayout cgroups = CgroupLayout.detect();
    List<Path> swept = StaleRuns.sweep(cgroups);
    if (!swept.isEmpty()) {
      notes.add("removed " + swept.size() + " leftovers of graders that died without cleaning up");
    }
    if (!cgroups.available()) {
      notes.add("no cgroups (" + cgroups.description() + "): memory and task limits rest on JVM flags only");
    } else if (!cgroups.limitsTasks() || !cgroups.limitsMemory()) {
      notes.add("cgroups without " + (cgroups.limitsTasks() ? "memory" : "pids") + " control: " + cgroups.description());
    }
    BubblewrapSandbox sandbox = new BubblewrapSandbox(tools, user, cgroups);
    try {
      Optional<String> failure = tryJavaVersion(sandbox, javaHome);
      if (failure.isEmpty()) {
        return new SandboxProbe(Optional.of(sandbox), "", "", notes);
      }
      String output = failure.get();
      boolean userns = output.contains("uid map") || output.contains("RTM_NEWADDR") || output.contains("loopback")
          || output.contains("Operation not permitted") || output.contains("No permissions to create new namespace");
      return new SandboxProbe(Optional.empty(), "bubblewrap cannot create its namespaces here: " + output,
          userns ? USERNS_FIX + "   (Ubuntu 24.04 / GitHub runners; elsewhere enable unprivileged user namespaces)"
              : "see docs/SANDBOX.md", notes);
    } catch (IOException e) {
      return new SandboxProbe(Optional.empty(), "bubblewrap failed to start: " + e.getMessage(), "see docs/SANDBOX.md",
          notes);
    }
  }

  /** Runs {@code java -version} in the sandbox; the combined output when it fails. */
  private static Optional<String> tryJavaVersion(BubblewrapSandbox sandbox, Path javaHome) throws IOException {
    Path dir = Files.createTempDirectory(BubblewrapSandbox.RUN_DIRECTORY_PREFIX + ProcessHandle.current().pid() + "-probe-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    try {
      Path work = Files.createDirectory(dir.resolve("work"));
      Path out = dir.resolve("out.txt");
      Path err = dir.resolve("err.txt");
      SandboxRequest request = new SandboxRequest(List.of(javaHome.resolve("bin").resolve("java").toString(),
          "-Xshare:auto", "-Xmx32m", "-version"), work, Map.of("HOME", work.toString()), List.of(), List.of(work), out,
          err, ResourceLimits.defaults().withWallClock(PROBE_TIMEOUT));
      OptionalInt exit;
      try (SandboxedProcess process = sandbox.start(request)) {
        process.stdin().close();
        exit = process.waitFor(PROBE_TIMEOUT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted");
      }
      String output = (Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8))
          .strip();
      if (exit.isPresent() && exit.getAsInt() == 0 && output.contains("version")) {
        return Optional.empty();
      }
      String status = exit.isPresent() ? "exit " + exit.getAsInt() : "no exit within " + PROBE_TIMEOUT.toSeconds() + " s";
      return Optional.of(status + ": " + (output.length() > 600 ? output.substring(0, 600) + "..." : output));
    } finally {
      ContainedProcess.deleteTree(dir);
    }
  }
}
