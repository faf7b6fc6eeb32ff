package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.intake.Intake;
import grader.intake.IntakePolicy;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.GradedBy;
import grader.scorecard.GraderInfo;
import grader.scorecard.Isolation;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardJson;
import grader.scorecard.SubmissionInfo;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grader verify}: what passes, and each way a scorecard fails, with the reason printed. */
class VerifyCommandTests {
  private static final String BUNDLE = "b".repeat(64);

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private String submissionSha256;

  @BeforeEach
  void submission() throws Exception {
    Path sources = Files.createDirectories(temp.resolve("alice/src/main/java/exercises/threads"));
    Files.writeString(sources.resolve("SleepyThreads.java"), "package exercises.threads;\npublic final class SleepyThreads {}\n");
    Files.writeString(temp.resolve("alice/REPORT.md"), "# Report\n");
    submissionSha256 = new Intake(IntakePolicy.defaults(), List.of("exercises.compare.Downloader")).copy(temp.resolve("alice"), temp.resolve("intake")).sha256();
  }

  private Scorecard card(BigDecimal testScore, BigDecimal exerciseScore, GradedBy by) {
    TestResult test = new TestResult("overlap", "sleeps overlap", testScore.signum() > 0 ? TestStatus.PASSED : TestStatus.FAILED,
        testScore, new BigDecimal("25"), null, 10, Map.of(), "", false);
    ExerciseResult threads = new ExerciseResult("threads", "Sleepy threads", exerciseScore, new BigDecimal("25"),
        ExerciseStatus.GRADED, null, List.of(), List.of(test));
    return Scorecard.of(new GraderInfo("0.1.0", "17", "c".repeat(64), Map.of()),
        new SubmissionInfo("alice", submissionSha256), Isolation.BUBBLEWRAP, 1234, List.of(threads), List.of())
        .withGradedBy(by);
  }

  private int verify(Scorecard card, String... options) throws Exception {
    Path file = temp.resolve("scorecard.json");
    Files.writeString(file, ScorecardJson.toJson(card));
    return verifyFile(file, options);
  }

  private int verifyFile(Path file, String... options) {
    out.getBuffer().setLength(0);
    String[] args = new String[options.length + 2];
    args[0] = "verify";
    args[1] = file.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    return new Main(new PrintWriter(out), new PrintWriter(err), new CliEnvironment(Map.of(), false, temp),
        (o, l, w) -> {
          throw new AssertionError("verify grades nothing");
        }).run(args);
  }

  @Test
  void aScorecardOfThatBundleAndThatSubmissionVerifies() throws Exception {
    GradedBy by = new GradedBy("0.1.0", BUNDLE, "0123abc", null);
    assertEquals(Main.OK, verify(card(new BigDecimal("25"), new BigDecimal("25"), by), "--bundle-sha256", BUNDLE,
        "--submission", temp.resolve("alice").toString()), out + "" + err);
    assertTrue(out.toString().startsWith("verified: scorecard.json · bundle bbbbbbbbbbbb · submission "), out.toString());
  }

  @Test
  void anotherBundleNoBundleOrAnotherSubmissionDoNotVerify() throws Exception {
    Scorecard other = card(new BigDecimal("25"), new BigDecimal("25"), new GradedBy("0.1.0", "a".repeat(64), null, null));
    assertEquals(Main.NOT_VERIFIED, verify(other, "--bundle-sha256", BUNDLE));
    assertTrue(out.toString().contains("  - graded by bundle " + "a".repeat(64) + ", not by " + BUNDLE), out.toString());

    assertEquals(Main.NOT_VERIFIED, verify(card(BigDecimal.ZERO, BigDecimal.ZERO, null), "--bundle-sha256", BUNDLE));
    assertTrue(out.toString().contains("graded_by.bundle_sha256 is missing"), out.toString());

    Files.writeString(temp.resolve("alice/REPORT.md"), "# Report, edited after grading\n");
    GradedBy by = new GradedBy("0.1.0", BUNDLE, null, null);
    assertEquals(Main.NOT_VERIFIED, verify(card(new BigDecimal("25"), new BigDecimal("25"), by), "--bundle-sha256",
        BUNDLE, "--submission", temp.resolve("alice").toString()));
    assertTrue(out.toString().contains("  - submission alice hashes to "), out.toString());
  }

  @Test
  void totalsThatDoNotAddUpOrUnknownFieldsDoNotVerify() throws Exception {
    GradedBy by = new GradedBy("0.1.0", BUNDLE, null, null);
    assertEquals(Main.NOT_VERIFIED, verify(card(BigDecimal.ZERO, new BigDecimal("25"), by), "--bundle-sha256", BUNDLE));
    assertTrue(out.toString().contains("exercise threads: score 25 is not the sum of its tests' (0)"), out.toString());

    Path file = temp.resolve("extra.json");
    Files.writeString(file, ScorecardJson.toJson(card(new BigDecimal("25"), new BigDecimal("25"), by))
        .replaceFirst("\\{", "{\n  \"bonus\" : 10,"));
    assertEquals(Main.NOT_VERIFIED, verifyFile(file, "--bundle-sha256", BUNDLE));
    assertTrue(out.toString().contains("not a well-formed scorecard: Unrecognized field \"bonus\""), out.toString());

    Files.writeString(file, "{\"schema\": \"concurrency-grader/scorecard/v1\"");
    assertEquals(Main.NOT_VERIFIED, verifyFile(file, "--bundle-sha256", BUNDLE));
    assertTrue(out.toString().contains("not a well-formed scorecard"), out.toString());
  }

  @Test
  void badUsageIsExitTwo() {
    assertEquals(Main.USAGE, verifyFile(temp.resolve("none.json"), "--bundle-sha256", BUNDLE));
    assertTrue(err.toString().contains("grader: no scorecard "), err.toString());
    assertEquals(Main.USAGE, verifyFile(temp.resolve("none.json"), "--bundle-sha256", "xyz"));
    assertEquals(Main.USAGE, verifyFile(temp.resolve("none.json")));
    assertTrue(err.toString().contains("missing --bundle-sha256 <hex>"), err.toString());
  }
}
