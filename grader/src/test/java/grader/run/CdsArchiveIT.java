package grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.ExerciseRubric;
import grader.rubric.TestPoints;
import grader.run.probe.ProbeSuite;
import grader.sandbox.ProcessSandbox;
import grader.sandbox.ResourceLimits;
import grader.scorecard.TestStatus;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive: dumped once from the grader's jars, used by later harness JVMs, never stale. */
@Disabled("the harness JVM runs with --limit-modules since the module layout (issue 9), and --limit-modules switches class-data sharing off, so no archive is dumped; restoring it (a run-time image the sandbox can execute) is issue 11's work")
class CdsArchiveIT {
  @TempDir Path temp;

  @Test
  void isDumpedOnceAndHarnessJvmsStartFromIt() throws Exception {
    Path suites = PrivateInstallation.copySuitePackage(ProbeSuite.class, temp.resolve("suites"));
    GraderInstallation installation = PrivateInstallation.copy(temp.resolve("grader")).withSuitePath(suites);
    ExerciseRunner runner = new ExerciseRunner(installation, ProcessSandbox.detect(), ResourceLimits.defaults(),
        RunPolicy.defaults(), Clock.systemUTC());
    CdsArchive archive = new CdsArchive(installation,
        new ChildCommand(installation, ResourceLimits.defaults(), RunPolicy.defaults()).memoryOptions());
    assertEquals(Optional.empty(), archive.existing());

    runner.prepare();
    Path dumped = archive.existing().orElseThrow(() -> new AssertionError("no archive in " + archive.location()));
    assertTrue(Files.size(dumped) > 1_000_000, "an archive of the grader's classes: " + Files.size(dumped));
    long before = Files.getLastModifiedTime(dumped).toMillis();
    runner.prepare();
    assertEquals(before, Files.getLastModifiedTime(dumped).toMillis(), "dumped once");

    Path classes = ProbeStudent.compile(temp.resolve("student"), "");
    List<TestPoints> tests = List.of("alpha", "beta", "gamma", "omega", "sizes").stream()
        .map(id -> new TestPoints(id, BigDecimal.ONE, false)).toList();
    ExerciseRubric rubric = new ExerciseRubric("probe", "Probe", "grader.run.probe", List.of(), tests);
    ExerciseOutcome outcome = runner.run(new SuiteRun(rubric, classes, temp.resolve("student"), temp.resolve("work")),
        RunListener.NONE);
    assertTrue(outcome.tests().stream().allMatch(t -> t.status() == TestStatus.PASSED), outcome.toString());
    String printed = Files.readString(temp.resolve("work/logs/stdout-1.txt"));
    assertTrue(printed.contains("acting alpha") && !printed.contains("[warning]"),
        "only the student's output, no CDS warnings: " + printed);

    Files.setLastModifiedTime(installation.graderJar(), FileTime.fromMillis(before - 60_000));
    assertNotEquals(dumped, archive.location(), "a rebuilt grader.jar never uses the old archive");
  }
}
