package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.sandbox.BubblewrapCommand.SystemMounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BubblewrapCommandTests {

  private static final Path JDK = Path.of("/opt/jdk");
  private static final HostTools TOOLS = new HostTools(Optional.of(Path.of("/usr/bin/bwrap")),
      Optional.of(Path.of("/usr/bin/prlimit")), Optional.of(Path.of("/usr/bin/setpriv")), Optional.of(Path.of("/bin/sh")),
      Optional.of(Path.of("/usr/bin/unshare")), Optional.of(Path.of("/usr/bin/mount")));
  private static final SandboxUser ROOT_DROP = new SandboxUser(999, 995, "grader-sandbox", true);
  private static final SystemMounts MOUNTS = new SystemMounts(Map.of(Path.of("/lib"), "usr/lib"),
      List.of(Path.of("/usr/lib/x86_64-linux-gnu"), JDK, Path.of("/etc/hosts")));

  private static SandboxRequest request() {
    return new SandboxRequest(List.of("/opt/jdk-link/bin/java", "-Xmx64m", "Main"), Path.of("/tmp/run/work"),
        Map.of("HOME", "/tmp/run/work", "JDK_JAVA_OPTIONS", "-Xmx64m"),
        List.of(Path.of("/tmp/run/work/classes"), Path.of("/opt/jdk/lib"), Path.of("/srv/grader.jar")),
        List.of(Path.of("/tmp/run/work")), Path.of("/tmp/run/out"), Path.of("/tmp/run/err"), ResourceLimits.defaults());
  }

  private static List<String> command(SandboxUser user, List<Path> cgroups) {
    return new BubblewrapCommand(TOOLS, user, cgroups, MOUNTS, Optional.of(Path.of("/tmp/x/java")),
        Optional.of(Path.of("/tmp/x/passwd")), JDK, Optional.empty(), request()).toList();
  }

  @Test
  void asRootEveryWritableMountIsNoexecAndDevIsReadOnly() {
    List<String> args = new BubblewrapCommand(TOOLS, ROOT_DROP, List.of(), MOUNTS, Optional.empty(), Optional.empty(), JDK,
        Optional.of(Path.of("/tmp/x/tmp")), request()).toList();
    int unshare = args.indexOf("/usr/bin/unshare");
    int script = args.indexOf(BubblewrapCommand.NOEXEC_SCRIPT);
    int setpriv = args.indexOf("/usr/bin/setpriv");
    assertTrue(args.indexOf("/usr/bin/prlimit") < unshare && unshare < script && script < setpriv, args.toString());
    assertEquals(List.of("/usr/bin/unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c"),
        args.subList(unshare, script));
    assertEquals(List.of("grader-sandbox-noexec", "/usr/bin/mount", "/tmp/x/tmp", "256m", "/tmp/run/work", "--"),
        args.subList(script + 1, setpriv));
    int tmp = args.indexOf("/tmp");
    assertEquals(List.of("--bind", "/tmp/x/tmp", "/tmp"), args.subList(tmp - 2, tmp + 1));
    assertTrue(!args.contains("--tmpfs"), "bubblewrap's own tmpfs would be executable");
    int dev = args.indexOf("--dev");
    assertEquals(List.of("--dev", "/dev", "--remount-ro", "/dev"), args.subList(dev, dev + 4));
  }

  @Test
  void layersNestOutsideIn() {
    List<String> args = command(ROOT_DROP, List.of(Path.of("/sys/fs/cgroup/pids/g/cgroup.procs")));
    int shell = args.indexOf("/bin/sh");
    int prlimit = args.indexOf("/usr/bin/prlimit");
    int setpriv = args.indexOf("/usr/bin/setpriv");
    int bwrap = args.indexOf("/usr/bin/bwrap");
    assertEquals(0, shell);
    assertTrue(shell < prlimit && prlimit < setpriv && setpriv < bwrap, args.toString());
    assertEquals("1", args.get(4), "number of cgroup.procs files the shell joins");
    assertEquals("/sys/fs/cgroup/pids/g/cgroup.procs", args.get(5));
    assertTrue(args.containsAll(List.of("--reuid=999", "--regid=995", "--clear-groups", "--no-new-privs")));
  }

  @Test
  void withoutRootOrCgroupsBubblewrapComesFirstAfterPrlimit() {
    List<String> args = command(new SandboxUser(1000, 1000, "me", false), List.of());
    assertEquals("/usr/bin/prlimit", args.get(0));
    assertFalse(args.contains("/usr/bin/setpriv"));
    assertFalse(args.contains("/bin/sh"));
  }

  @Test
  void hardLimitsEqualSoftLimits() {
    List<String> limits = BubblewrapCommand.rlimits(ResourceLimits.defaults());
    assertTrue(limits.contains("--nofile=1024:1024"), limits.toString());
    assertTrue(limits.contains("--fsize=67108864:67108864"), limits.toString());
    assertTrue(limits.contains("--core=0:0"), limits.toString());
  }

  @Test
  void everyNamespaceIsNewAndNothingIsInherited() {
    List<String> args = command(ROOT_DROP, List.of());
    assertTrue(args.containsAll(List.of("--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
        "--new-session", "--clearenv")));
    assertEquals("ALL", args.get(args.indexOf("--cap-drop") + 1));
    assertFalse(args.contains("--share-net"));
    int remount = args.lastIndexOf("--remount-ro");
    assertEquals("/", args.get(remount + 1));
    assertTrue(remount > args.lastIndexOf("--bind"), "the root is made read-only after every mount");
  }

  @Test
  void privateTmpComesBeforeRequestPathsUnderTmp() {
    List<String> args = command(ROOT_DROP, List.of());
    int tmpfs = args.indexOf("--tmpfs");
    assertEquals("/tmp", args.get(tmpfs + 1));
    assertEquals(Long.toString(256L * 1024 * 1024), args.get(tmpfs - 1));
    assertEquals("--size", args.get(tmpfs - 2));
    int work = args.indexOf("--bind");
    assertEquals("/tmp/run/work", args.get(work + 1));
    assertTrue(work > tmpfs);
    int classes = args.indexOf("/tmp/run/work/classes");
    assertEquals("--ro-bind", args.get(classes - 1));
    assertTrue(classes > work, "a read-only path inside the writable one is mounted over it");
  }

  @Test
  void pathsUnderTheJdkAreNotBoundAgainOverTheExecuteOnlyLauncher() {
    List<String> args = command(ROOT_DROP, List.of());
    assertFalse(args.contains("/opt/jdk/lib"), args.toString());
    int launcher = args.indexOf("/tmp/x/java");
    assertEquals("/opt/jdk/bin/java", args.get(launcher + 1));
    assertTrue(args.contains("/srv/grader.jar"));
  }

  @Test
  void commandRunsTheRealJdkPathInTheWorkingDirectoryWithTheRequestEnvironment() {
    List<String> args = command(ROOT_DROP, List.of());
    int end = args.indexOf("--");
    List<String> tail = args.subList(args.lastIndexOf("--") + 1, args.size());
    assertEquals(List.of("/opt/jdk/bin/java", "-Xmx64m", "Main"), tail);
    assertEquals("/tmp/run/work", args.get(args.indexOf("--chdir") + 1));
    int setenv = args.indexOf("JDK_JAVA_OPTIONS");
    assertEquals("--setenv", args.get(setenv - 1));
    assertTrue(end > 0);
  }
}
