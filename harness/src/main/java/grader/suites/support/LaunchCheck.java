package grader.suites.support;

import grader.suites.support.LaunchGate.Launch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a report that reached the {@link LaunchGate} speaks for a real worker JVM: the
 * gate listens on loopback, where the student's own code can connect and say anything, so a report
 * is only believed when what it says can be seen from outside.
 *
 * <p>A report is accepted only if its pid is a live descendant of the JVM the gate runs in (the
 * harness, whose descendants are exactly the processes the student's code started), that process
 * runs {@code java} (its {@code argv[0]}, and where readable {@code /proc/<pid>/exe} is this JVM's), its
 * {@code /proc/<pid>/cmdline} is word for word the command line the report carries, and the main
 * class and arguments the Java launcher takes from that command line are the ones reported. So a
 * worker counts only while it exists, as a JVM, running the watched main class with those
 * arguments. A secret shared with the agent would add nothing: whatever the agent in a worker can
 * read, the student's code (in the harness JVM or in the worker) can read as well.
 *
 * <p>Pid reuse cannot forge a worker: the process is checked when its report arrives, and any
 * process that passes the check is then a live JVM with exactly that command line.
 */
final class LaunchCheck {

  /**
   * Launcher options whose value is the next word ({@code java.c}'s "white space options"); the
   * first word after the options that is neither an option nor such a value is the main class.
   */
  private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
      "--module-path", "--upgrade-module-path", "--add-modules", "--enable-native-access", "--limit-modules",
      "--add-exports", "--add-opens", "--add-reads", "--patch-module", "--source", "--describe-module", "-d");
  /** Launch modes in which the main class does not stand on the command line. */
  private static final Set<String> OTHER_LAUNCH_MODES = Set.of("-jar", "-m", "--module");

  private final ProcessHandle harness;
  private final Path proc;

  private LaunchCheck(ProcessHandle harness, Path proc) {
    this.harness = Objects.requireNonNull(harness, "harness must not be null");
    this.proc = Objects.requireNonNull(proc, "proc must not be null");
  }

  /** Checks reports against this JVM's descendants, as {@code /proc} shows them. */
  static LaunchCheck ofThisJvm() {
    return new LaunchCheck(ProcessHandle.current(), Path.of("/proc"));
  }

  /** Why {@code launch} is not believed, or empty if it is. */
  Optional<String> problem(Launch launch) {
    Optional<ProcessHandle> process = ProcessHandle.of(launch.pid());
    if (process.isEmpty() || !process.get().isAlive()) {
      return Optional.of("pid " + launch.pid() + " is not a running process");
    }
    if (!isDescendant(process.get())) {
      return Optional.of("pid " + launch.pid() + " was not started by the code under test");
    }
    List<String> cmdline;
    try {
      cmdline = cmdline(Files.readAllBytes(proc.resolve(launch.pid() + "/cmdline")));
    } catch (IOException e) {
      return Optional.of("cannot read /proc/" + launch.pid() + "/cmdline: " + e.getMessage());
    }
    Optional<String> notJava = notJava(launch.pid(), cmdline);
    if (notJava.isPresent()) {
      return notJava;
    }
    if (!cmdline.equals(launch.command())) {
      return Optional.of("pid " + launch.pid() + "'s command line is " + cmdline + ", not the reported " + launch.command());
    }
    Optional<List<String>> launched = mainClassAndArguments(cmdline);
    List<String> reported = new ArrayList<>();
    reported.add(launch.mainClass());
    reported.addAll(launch.arguments());
    if (launched.isEmpty() || !launched.get().equals(reported)) {
      return Optional.of("pid " + launch.pid() + " runs " + launched.map(Object::toString).orElse("no main class")
          + ", not the reported " + reported);
    }
    return Optional.empty();
  }

  /**
   * Why the process is not a JVM of this JDK, or empty. {@code argv[0]} is the file that was
   * executed (ProcessBuilder passes the program as the first word), so it must be a {@code java};
   * where {@code /proc/<pid>/exe} can be read it must be this JVM's executable. In the sandbox it
   * cannot: every JVM there runs from an execute-only launcher, which makes it non-dumpable, and
   * the kernel then hides its {@code exe} from other processes.
   */
  private Optional<String> notJava(long pid, List<String> cmdline) {
    String program = cmdline.isEmpty() ? "" : cmdline.get(0);
    Path name = Path.of(program.isEmpty() ? "?" : program).getFileName();
    if (name == null || !name.toString().equals("java")) {
      return Optional.of("pid " + pid + " runs " + (program.isEmpty() ? "no program" : program) + ", not java");
    }
    Path exe = proc.resolve(pid + "/exe");
    Path ownExe = proc.resolve(harness.pid() + "/exe");
    try {
      if (!Files.isSameFile(exe, ownExe)) {
        return Optional.of("pid " + pid + " runs " + Files.readSymbolicLink(exe) + ", not this JVM's java");
      }
    } catch (IOException e) {
      // Not readable (a non-dumpable JVM): argv[0] has to do.
    }
    return Optional.empty();
  }

  private boolean isDescendant(ProcessHandle process) {
    Optional<ProcessHandle> parent = process.parent();
    // Bounded: a parent chain is short, and a cycle must not hang the gate.
    for (int depth = 0; depth < 64 && parent.isPresent(); depth++) {
      if (parent.get().pid() == harness.pid()) {
        return true;
      }
      parent = parent.get().parent();
    }
    return false;
  }

  /** The words of a {@code /proc/<pid>/cmdline}: each ends with a NUL; empty words are kept. */
  static List<String> cmdline(byte[] raw) {
    List<String> words = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0", -1)));
    words.remove(words.size() - 1);
    return words;
  }

  /**
   * The main class and program arguments the Java launcher takes from {@code command} (the
   * executable first), or empty if it starts no class by name: {@code -jar}, {@code -m}, an
   * {@code @argfile} (which would change the words) or no class at all.
   */
  static Optional<List<String>> mainClassAndArguments(List<String> command) {
    for (int i = 1; i < command.size(); i++) {
      String word = command.get(i);
      if (OTHER_LAUNCH_MODES.contains(word) || word.startsWith("@")) {
        return Optional.empty();
      }
      if (OPTIONS_WITH_VALUE.contains(word)) {
        i++;
      } else if (!word.startsWith("-")) {
        return Optional.of(List.copyOf(command.subList(i, command.size())));
      }
    }
    return Optional.empty();
  }
}
