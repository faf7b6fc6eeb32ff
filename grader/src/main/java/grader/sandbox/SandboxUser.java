package grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged account sandboxed code runs as. When the grader runs as root it drops to a
 * dedicated system user before bubblewrap starts (so nothing the student creates is owned by root
 * and the user namespace maps to an ordinary uid, see notes/sandbox.md 2.2); otherwise the code
 * runs as the grader's own user.
 *
 * @param uid the user id sandboxed processes run as
 * @param gid their group id
 * @param name the account's name, for messages
 * @param dropFromRoot whether the grader is root and must switch to {@code uid} before starting
 */
public record SandboxUser(int uid, int gid, String name, boolean dropFromRoot) {

  /** The dedicated account created when the grader runs as root. */
  public static final String ACCOUNT = "grader-sandbox";

  private static final int NOBODY = 65534;

  public SandboxUser {
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("uid and gid must not be negative: " + uid + ":" + gid);
    }
    if (dropFromRoot && uid == 0) {
      throw new IllegalArgumentException("the sandbox must not run as root");
    }
  }

  /** The uid of this (the grader's) process. */
  public static int currentUid() {
    try {
      // Follow the link: /proc/self itself belongs to root; the /proc/<pid> it names belongs to us.
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }

  /**
   * Finds the account to run as: the grader's own user when it is not root; as root the {@value
   * #ACCOUNT} system user, created with {@code useradd} if missing, else {@code nobody}.
   */
  public static SandboxUser resolve(List<String> notes) {
    int uid = currentUid();
    if (uid != 0) {
      int gid = groupOf(uid).orElse(uid);
      return new SandboxUser(Math.max(uid, 0), gid, System.getProperty("user.name", "?"), false);
    }
    Optional<SandboxUser> dedicated = lookup(ACCOUNT);
    if (dedicated.isEmpty()) {
      createAccount(notes);
      dedicated = lookup(ACCOUNT);
    }
    if (dedicated.isPresent()) {
      return dedicated.get();
    }
    notes.add("no '" + ACCOUNT + "' account (useradd failed): sandboxed code runs as nobody (" + NOBODY + ")");
    return new SandboxUser(NOBODY, NOBODY, "nobody", true);
  }

  private static Optional<SandboxUser> lookup(String account) {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
        String[] fields = line.split(":", -1);
        if (fields.length >= 4 && fields[0].equals(account)) {
          int uid = Integer.parseInt(fields[2]);
          int gid = Integer.parseInt(fields[3]);
          return uid == 0 ? Optional.empty() : Optional.of(new SandboxUser(uid, gid, account, true));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<Integer> groupOf(int uid) {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
        String[] fields = line.split(":", -1);
        if (fields.length >= 4 && fields[2].equals(Integer.toString(uid))) {
          return Optional.of(Integer.parseInt(fields[3]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static void createAccount(List<String> notes) {
    Optional<Path> useradd = HostTools.find("useradd", List.of("/usr/sbin", "/sbin"));
    if (useradd.isEmpty()) {
      notes.add("useradd not found: cannot create the '" + ACCOUNT + "' account");
      return;
    }
    List<String> command = new ArrayList<>(List.of(useradd.get().toString(), "--system", "--no-create-home",
        "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "--user-group", ACCOUNT));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        // 9: the account was created by a concurrent grader in the meantime; lookup decides.
        notes.add("useradd " + ACCOUNT + " failed: " + output.strip());
      }
    } catch (IOException e) {
      notes.add("useradd " + ACCOUNT + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
