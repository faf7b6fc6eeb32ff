package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.ExerciseRubric;
import grader.rubric.TestPoints;
import grader.run.probe.ProbeSuite;
import grader.sandbox.ResourceLimits;
import grader.sandbox.Sandbox;
import grader.sandbox.SandboxRequest;
import grader.sandbox.SandboxedProcess;
import grader.sandbox.Sandboxes;
import grader.scorecard.TestStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-time image and the class-data archives: built once, holding only the allowed JDK modules,
 * and really mapped by the harness JVM and by a JVM the student starts, inside the sandbox the
 * grader chooses (bubblewrap where it works): {@code -Xshare:on} makes a JVM whose archive does
 * not map fail to start, so a silent loss of class-data sharing fails this test.
 */
class CdsArchiveIT {
  @TempDir Path temp;

  @Test
  void isBuiltOnceAndEveryJvmOfARunMapsItsArchiveInsideTheSandbox() throws Exception {
    Path suites = PrivateInstallation.copySuitePackage(ProbeSuite.class, temp.resolve("suites"));
    GraderInstallation installation = PrivateInstallation.copy(temp.resolve("grader")).withSuitePath(suites);
    Sandbox sandbox = Sandboxes.best(false, ResourceLimits.defaults(), new PrintWriter(new StringWriter()));
    RunPolicy policy = RunPolicy.defaults();
    RuntimeImage image = new RuntimeImage(installation);
    assertEquals(Optional.empty(), image.existing());

    new ExerciseRunner(installation, sandbox, ResourceLimits.defaults(), policy, Clock.systemUTC()).prepare();
    Path linked = image.existing().orElseThrow(() -> new AssertionError("no run-time image in " + image.location()));
    assertEquals(List.copyOf(ModuleOptions.HARNESS_JDK_MODULES), listModules(linked),
        "the image holds exactly the JDK modules a harness JVM may use");
    GraderInstallation onImage = installation.withJavaHome(linked);
    CdsArchive archive = new CdsArchive(onImage,
        new ChildCommand(onImage, ResourceLimits.defaults(), policy).memoryOptions());
    Path dumped = archive.existing().orElseThrow(() -> new AssertionError("no archive in " + archive.location()));
    assertTrue(Files.size(dumped) > 1_000_000, "an archive of the grader's classes: " + Files.size(dumped));
    long before = Files.getLastModifiedTime(dumped).toMillis();
    long linkedAt = Files.getLastModifiedTime(linked).toMillis();
    new ExerciseRunner(installation, sandbox, ResourceLimits.defaults(), policy, Clock.systemUTC()).prepare();
    assertEquals(before, Files.getLastModifiedTime(dumped).toMillis(), "dumped once");
    assertEquals(linkedAt, Files.getLastModifiedTime(linked).toMillis(), "linked once");

    // -Xshare:on on the harness and, through JDK_JAVA_OPTIONS, on every JVM the student starts.
    RunPolicy strict = policy.withJvmOptions(List.of("-XX:TieredStopAtLevel=1", "-Xshare:on"),
        List.of("-XX:TieredStopAtLevel=1", "-Xshare:on"));
    ExerciseRunner runner = new ExerciseRunner(installation, sandbox, ResourceLimits.defaults(), strict,
        Clock.systemUTC());
    Path classes = ProbeStudent.compile(temp.resolve("student"), "");
    List<TestPoints> tests = List.of("alpha", "beta", "gamma", "omega", "sizes").stream()
        .map(id -> new TestPoints(id, BigDecimal.ONE, false)).toList();
    ExerciseRubric rubric = new ExerciseRubric("probe", "Probe", "grader.run.probe", List.of(), tests);
    ExerciseOutcome outcome = runner.run(new SuiteRun(rubric, classes, temp.resolve("student"), temp.resolve("work")),
        RunListener.NONE);
    assertTrue(outcome.tests().stream().allMatch(t -> t.status() == TestStatus.PASSED),
        outcome + "\n" + Files.readString(temp.resolve("work/logs/stderr-1.txt")));
    String printed = Files.readString(temp.resolve("work/logs/stdout-1.txt"));
    assertTrue(printed.contains("acting alpha") && !printed.contains("[warning]"),
        "only the student's output, no CDS warnings: " + printed);

    // A JVM the student starts: the image's java with the run's JDK_JAVA_OPTIONS, in the same sandbox.
    Path work = Files.createDirectories(temp.resolve("worker"));
    ChildCommand.Layout layout = ChildCommand.Layout.in(temp.resolve("work"));
    String options = new ChildCommand(onImage, ResourceLimits.defaults(), strict).childJvmOptions(layout);
    assertFalse(options.contains("--limit-modules"), "no --limit-modules on the image (it would switch CDS off)");
    // It runs the image's warm-up, which downloads over loopback as a download worker does.
    SandboxRequest request = new SandboxRequest(
        List.of(linked.resolve("bin/java").toString(), "-Xlog:cds", "-Xlog:class+load", "-cp",
            installation.graderJar().toString(), ImageWarmup.class.getName()),
        layout.sandboxRoot(), Map.of("PATH", "/usr/bin:/bin", "JDK_JAVA_OPTIONS", options),
        List.of(linked, installation.agentJar(), installation.graderJar()), List.of(layout.sandboxRoot()),
        work.resolve("out.txt"), work.resolve("err.txt"), ResourceLimits.defaults());
    try (SandboxedProcess worker = sandbox.start(request)) {
      OptionalInt status = worker.waitFor(Duration.ofSeconds(60));
      String out = Files.readString(work.resolve("out.txt")) + Files.readString(work.resolve("err.txt"));
      assertEquals(OptionalInt.of(0), status, out);
      for (String jdkClass : List.of("java.lang.Object", "java.net.http.HttpClient", "sun.security.ssl.SSLContextImpl")) {
        assertTrue(out.contains(jdkClass + " source: shared objects file"), "the worker maps " + jdkClass
            + " from the image's archive: " + out.lines().filter(l -> l.contains(jdkClass + " ")).toList());
      }
      assertTrue(out.contains(ImageWarmup.class.getName() + " source: file:"),
          "only JDK classes are in the image's archive, not the warm-up's own");
    }

    Files.setLastModifiedTime(installation.graderJar(), FileTime.fromMillis(before - 60_000));
    assertNotEquals(dumped, archive.location(), "a rebuilt grader.jar never uses the old archive");
  }

  private static List<String> listModules(Path image) throws Exception {
    Process process = new ProcessBuilder(image.resolve("bin/java").toString(), "--list-modules").start();
    String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor());
    return out.lines().map(l -> l.replaceAll("@.*", "")).sorted().toList();
  }
}
