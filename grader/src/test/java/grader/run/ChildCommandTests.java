package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.ExerciseRubric;
import grader.sandbox.ResourceLimits;
import grader.sandbox.SandboxRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCommandTests {
  @TempDir Path dir;
  private GraderInstallation installation;
  private SuiteRun run;

  @BeforeEach
  void fakeInstallation() throws Exception {
    Path home = dir.resolve("grader home");
    Files.createDirectories(home.resolve("lib"));
    Files.writeString(home.resolve("grader.jar"), "");
    Files.writeString(home.resolve("grader-agent.jar"), "");
    Files.writeString(home.resolve("lib/b.jar"), "");
    Files.createDirectories(home.resolve("lib/harness"));
    for (String jar : List.of("grader-harness.jar", "lib-b.jar", "lib-a.jar")) {
      new JarOutputStream(Files.newOutputStream(home.resolve("lib/harness").resolve(jar))).close();
    }
    installation = GraderInstallation.at(home);
    ExerciseRubric exercise = new ExerciseRubric("threads", "Sleepy threads", "grader.suites.threads", List.of(), List.of());
    run = new SuiteRun(exercise, dir.resolve("classes"), dir.resolve("submission"), dir.resolve("work"));
  }

  @Test
  void theHarnessCommandCarriesLimitsPropertiesAndTheSuite() {
    ChildCommand commands = new ChildCommand(installation, ResourceLimits.defaults(), RunPolicy.defaults());
    ChildCommand.Layout layout = ChildCommand.Layout.in(run.workDirectory());
    SandboxRequest request = commands.request(run, layout, 2, new java.util.LinkedHashSet<>(List.of("b", "a")));
    List<String> command = request.command();
    assertEquals(installation.javaLauncher().toString(), command.get(0));
    for (String option : List.of("-Xmx256m", "-XX:MaxMetaspaceSize=128m", "-XX:ActiveProcessorCount=2",
        "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Xss1m",
        "-Dgrader.submission.classes=" + dir.resolve("classes"),
        "-Dgrader.submission.root=" + dir.resolve("submission"),
        "-Dgrader.gate.dir=" + dir.resolve("work/sandbox/gate"), "-Dgrader.time.factor=1.0")) {
      assertTrue(command.contains(option), option + " in " + command);
    }
    int main = command.indexOf(ChildCommand.HARNESS_MAIN);
    assertEquals("-m", command.get(main - 1));
    assertEquals(List.of("grader.suites.threads", dir.resolve("work/sandbox/results-2.jsonl").toString(),
        "--suite-path", installation.harnessJar().toString(), "--timeout-seconds", "60", "--only", "b,a"),
        command.subList(main + 1, command.size()));
    assertEquals(dir.resolve("classes").toString(), command.get(command.indexOf("-cp") + 1),
        "only the student's classes on the class path: the grader's code is on the module path");
  }

  @Test
  void theGradersCodeRunsAsModulesInALimitedGraph() {
    ChildCommand commands = new ChildCommand(installation, ResourceLimits.defaults(), RunPolicy.defaults());
    List<String> command = commands.request(run, ChildCommand.Layout.in(run.workDirectory()), 1, Set.of()).command();
    Path modules = dir.resolve("grader home/lib/harness");
    assertEquals(String.join(":", modules.resolve("grader-harness.jar").toString(), modules.resolve("lib-a.jar").toString(),
        modules.resolve("lib-b.jar").toString()), command.get(command.indexOf("--module-path") + 1));
    assertEquals("grader.harness=ALL-UNNAMED", command.get(command.indexOf("--add-reads") + 1));
    List<String> limit = List.of(command.get(command.indexOf("--limit-modules") + 1).split(","));
    assertTrue(limit.containsAll(List.of("grader.harness", "lib.a", "lib.b", "java.base", "java.management")), limit.toString());
    for (String forbidden : List.of("jdk.unsupported", "jdk.attach", "jdk.jdi", "jdk.management", "java.scripting",
        "java.desktop", "jdk.jfr")) {
      assertTrue(!limit.contains(forbidden), forbidden + " must not be observable: " + limit);
    }
    String student = commands.request(run, ChildCommand.Layout.in(run.workDirectory()), 1, Set.of()).environment()
        .get("JDK_JAVA_OPTIONS");
    assertTrue(student.contains(" --limit-modules java.base,java.instrument,java.net.http "), student);
  }

  @Test
  void aPartOfAnExerciseLeavesOutTheClassesOfTheOtherParts() {
    ChildCommand commands = new ChildCommand(installation, ResourceLimits.defaults(), RunPolicy.defaults());
    List<String> command = commands.request(run, ChildCommand.Layout.in(run.workDirectory()), 1, Set.of(),
        new java.util.LinkedHashSet<>(List.of("ReportSuite", "AsyncDownloaderSuite"))).command();
    assertEquals(List.of("--except", "ReportSuite,AsyncDownloaderSuite"), command.subList(command.size() - 2,
        command.size()));
  }

  @Test
  void theEnvironmentIsBuiltFromScratch() {
    ChildCommand commands = new ChildCommand(installation, ResourceLimits.defaults(), RunPolicy.defaults());
    SandboxRequest request = commands.request(run, ChildCommand.Layout.in(run.workDirectory()), 1, Set.of());
    Map<String, String> env = request.environment();
    assertEquals(Set.of("PATH", "HOME", "TMPDIR", "LANG", "JDK_JAVA_OPTIONS"), env.keySet());
    assertEquals(dir.resolve("work/sandbox/home").toString(), env.get("HOME"));
    assertEquals(dir.resolve("work/sandbox/tmp").toString(), env.get("TMPDIR"));
    String options = env.get("JDK_JAVA_OPTIONS");
    assertTrue(options.startsWith("\"-javaagent:" + dir.resolve("grader home/grader-agent.jar") + "="
        + dir.resolve("work/sandbox/gate") + "\" -Xmx256m "), options);
    assertTrue(options.contains(" -XX:ActiveProcessorCount=2 "), options);
    assertTrue(!request.command().contains("--only"), "the first JVM runs the whole suite");
    assertTrue(!request.command().contains("--except"), "an exercise without parts runs every suite class");
    assertEquals(List.of(dir.resolve("work/sandbox")), request.writablePaths());
    assertTrue(request.readOnlyPaths().containsAll(List.of(dir.resolve("classes"), dir.resolve("submission"),
        installation.harnessDirectory(), installation.agentJar(), installation.javaHome())));
    assertTrue(!request.readOnlyPaths().contains(installation.graderJar()), "the trusted side is not even visible");
  }

  @Test
  void quotingKeepsPathsWithSpacesTogether() {
    assertEquals("-Xmx256m", ChildCommand.quote("-Xmx256m"));
    assertEquals("\"-Djava.io.tmpdir=/a b\"", ChildCommand.quote("-Djava.io.tmpdir=/a b"));
  }

  @Test
  void aMissingInstallationSaysHowToBuildIt() {
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> GraderInstallation.at(dir.resolve("nowhere")));
    assertEquals(dir.resolve("nowhere/grader.jar") + " is missing: build the grader first (make build)", e.getMessage());
  }
}
