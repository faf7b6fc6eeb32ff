package grader.run;

import grader.sandbox.ResourceLimits;
import grader.sandbox.SandboxRequest;
import grader.protocol.HarnessProperties;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the command and environment of one harness JVM. The limits go on the harness's command
 * line and, through {@code JDK_JAVA_OPTIONS}, onto every JVM the student's code starts, together
 * with the launch-gate agent. The environment is built from scratch: nothing of the grader's leaks in.
 */
final class ChildCommand {
  static final String HARNESS_MAIN = ModuleOptions.HARNESS_MAIN;

  private final GraderInstallation installation;
  private final ResourceLimits limits;
  private final RunPolicy policy;
  private final ModuleOptions modules;

  ChildCommand(GraderInstallation installation, ResourceLimits limits, RunPolicy policy) {
    this.installation = installation;
    this.limits = limits;
    this.policy = policy;
    this.modules = new ModuleOptions(installation);
  }

  /** The directories of one exercise's run; the child may write only under {@link #sandboxRoot()}. */
  record Layout(Path sandboxRoot, Path logs) {
    Path home() {
      return sandboxRoot.resolve("home");
    }

    Path tmp() {
      return sandboxRoot.resolve("tmp");
    }

    Path gate() {
      return sandboxRoot.resolve("gate");
    }

    Path results(int jvm) {
      return sandboxRoot.resolve("results-" + jvm + ".jsonl");
    }

    OutputFiles output(int jvm) {
      return new OutputFiles(logs.resolve("stdout-" + jvm + ".txt"), logs.resolve("stderr-" + jvm + ".txt"));
    }

    static Layout in(Path workDirectory) {
      return new Layout(workDirectory.resolve("sandbox"), workDirectory.resolve("logs"));
    }
  }

  SandboxRequest request(SuiteRun run, Layout layout, int jvm, Set<String> only) {
    return request(run, layout, jvm, only, Set.of());
  }

  /** {@code except}: the suite classes other parts of the exercise run, left out of this JVM. */
  SandboxRequest request(SuiteRun run, Layout layout, int jvm, Set<String> only, Set<String> except) {
    List<String> command = new ArrayList<>();
    command.add(installation.javaLauncher().toString());
    command.addAll(memoryOptions());
    command.add("-Xss1m");
    command.addAll(policy.jvmOptions());
    Optional<Path> archive = policy.classDataArchive() ? new CdsArchive(installation, memoryOptions()).existing()
        : Optional.empty();
    archive.ifPresent(a -> {
      command.add("-XX:SharedArchiveFile=" + a);
      // A stale or unmappable archive only costs speed; its warnings would land in the student's output.
      command.add("-Xlog:cds=off,cds+dynamic=off");
    });
    command.add("-Djava.io.tmpdir=" + layout.tmp());
    command.add("-Duser.home=" + layout.home());
    command.add("-D" + HarnessProperties.CLASSES + "=" + run.classesDirectory());
    command.add("-D" + HarnessProperties.ROOT + "=" + run.submissionRoot());
    command.add("-D" + HarnessProperties.GATE_DIR + "=" + layout.gate());
    command.add("-D" + HarnessProperties.TIME_FACTOR + "=" + String.format(Locale.ROOT, "%s", policy.timeFactor()));
    command.addAll(modules.harness());
    command.add("-cp");
    command.add(classPath(run));
    command.add("-m");
    command.add(HARNESS_MAIN);
    command.add(run.exercise().suite());
    command.add(layout.results(jvm).toString());
    command.add("--suite-path");
    command.add(installation.suitePath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add("--timeout-seconds");
    command.add(Long.toString(policy.defaultTestTimeout().toSeconds()));
    if (!only.isEmpty()) {
      command.add("--only");
      command.add(String.join(",", only));
    }
    if (!except.isEmpty()) {
      command.add("--except");
      command.add(String.join(",", except));
    }

    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", "/usr/bin:/bin");
    environment.put("HOME", layout.home().toString());
    environment.put("TMPDIR", layout.tmp().toString());
    environment.put("LANG", "C.UTF-8");
    environment.put("JDK_JAVA_OPTIONS", childJvmOptions(layout));

    List<Path> readOnly = new ArrayList<>();
    readOnly.add(installation.javaHome());
    readOnly.add(installation.harnessDirectory());
    readOnly.add(installation.agentJar());
    readOnly.addAll(installation.extraSuitePath());
    readOnly.add(run.classesDirectory());
    readOnly.add(run.submissionRoot());
    archive.ifPresent(readOnly::add);
    OutputFiles output = layout.output(jvm);
    return new SandboxRequest(command, layout.sandboxRoot(), environment, readOnly, List.of(layout.sandboxRoot()),
        output.stdout(), output.stderr(), limits);
  }

  /**
   * The student's classes, after the test-only suite roots of a test installation. The grader's own
   * code is not here: it is on the module path, where a class path entry cannot replace it.
   */
  String classPath(SuiteRun run) {
    List<String> entries = new ArrayList<>();
    installation.extraSuitePath().forEach(p -> entries.add(p.toString()));
    entries.add(run.classesDirectory().toString());
    return String.join(File.pathSeparator, entries);
  }

  List<String> memoryOptions() {
    return List.of(
        "-Xmx" + limits.heapMegabytes() + "m",
        "-XX:MaxMetaspaceSize=" + limits.metaspaceMegabytes() + "m",
        "-XX:ActiveProcessorCount=" + limits.activeProcessors(),
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:-UsePerfData",
        "-XX:+DisableAttachMechanism");
  }

  /** What every JVM in the run picks up: the agent, the same limits, the private temp dir. */
  String childJvmOptions(Layout layout) {
    List<String> options = new ArrayList<>();
    options.add("-javaagent:" + installation.agentJar() + "=" + layout.gate());
    options.addAll(memoryOptions());
    options.addAll(modules.student());
    options.addAll(policy.childJvmOptions());
    options.add("-XX:ErrorFile=" + layout.tmp().resolve("hs_err_%p.log"));
    options.add("-Djava.io.tmpdir=" + layout.tmp());
    return options.stream().map(ChildCommand::quote).collect(Collectors.joining(" "));
  }

  /** JDK_JAVA_OPTIONS splits on white space; quotes keep a path with spaces in one piece. */
  static String quote(String option) {
    return option.chars().anyMatch(Character::isWhitespace) ? "\"" + option + "\"" : option;
  }
}
