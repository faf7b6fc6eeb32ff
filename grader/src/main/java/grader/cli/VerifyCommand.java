package grader.cli;

import grader.intake.Intake;
import grader.intake.IntakeException;
import grader.intake.IntakePolicy;
import grader.scorecard.GradedBy;
import grader.scorecard.Scorecard;
import grader.scorecard.ScorecardCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code verify <scorecard.json> --bundle-sha256 HEX [--submission DIR|ZIP]}: the instructor's check
 * of a scorecard handed in (from CI, say): well-formed, written by that bundle, and of that
 * submission. Exit status {@value Main#OK} when it verifies, {@value Main#NOT_VERIFIED} when it does
 * not (each problem on standard output).
 */
@picocli.CommandLine.Command(name = "verify",
    customSynopsis = "java -jar grader.jar verify <scorecard.json> --bundle-sha256 HEX [--submission DIR|ZIP]",
    description = {
        "Checks that the scorecard is well-formed (the schema's fields, totals that add up), that",
        "its graded_by names the bundle with this SHA-256, and, given the submission, that the",
        "submission's hash is the one the scorecard records (the same files intake would accept)."},
    footer = {"", "Exit status: 0 verified, 4 not verified (the reasons on standard output), 1 the grader",
        "failed, 2 wrong usage."})
final class VerifyCommand implements Command {
  @Parameters(paramLabel = "<scorecard.json>", arity = "0..*", hidden = true)
  private List<String> scorecards = new ArrayList<>();

  @Option(names = "--bundle-sha256", paramLabel = "HEX",
      description = "the bundle that must have graded it (the .sha256 of make dist)")
  private String bundle;

  @Option(names = "--submission", paramLabel = "PATH", description = "the submission it must be of: a folder or a .zip")
  private String submissionPath;

  @Override
  public String summary() {
    return "check a scorecard: well-formed, graded by a given bundle, of a given submission";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    CliEnvironment environment = context.environment();
    Path scorecardFile = environment.resolve(Options.single(scorecards, "missing the scorecard to verify",
        "one scorecard at a time: got %s and %s"));
    if (bundle == null) {
      throw new UsageException("missing --bundle-sha256 <hex>: the bundle that must have graded it");
    }
    String bundleSha256 = bundle.strip().toLowerCase(Locale.ROOT);
    if (!bundleSha256.matches("[0-9a-f]{64}")) {
      throw new UsageException("--bundle-sha256 must be 64 hexadecimal digits, was \"" + bundleSha256 + "\"");
    }
    Path submission = submissionPath == null ? null : Options.path("--submission", submissionPath, environment);
    if (submission != null && !Files.exists(submission)) {
      throw new UsageException("--submission " + submission + ": no such folder or zip");
    }

    String json;
    try {
      json = Files.readString(scorecardFile);
    } catch (NoSuchFileException e) {
      throw new UsageException("no scorecard " + scorecardFile);
    }
    List<String> problems = new ArrayList<>();
    Scorecard card = null;
    try {
      card = ScorecardCheck.parse(json);
    } catch (IOException | RuntimeException e) {
      problems.add("not a well-formed scorecard: " + firstLine(e.getMessage()));
    }
    if (card != null) {
      problems.addAll(ScorecardCheck.problems(card));
      GradedBy by = card.gradedBy();
      if (by == null || by.bundleSha256() == null) {
        problems.add("graded_by.bundle_sha256 is missing: the scorecard does not say which bundle graded it");
      } else if (!by.bundleSha256().equals(bundleSha256)) {
        problems.add("graded by bundle " + by.bundleSha256() + ", not by " + bundleSha256);
      }
      if (submission != null) {
        String actual = submissionSha256(submission);
        if (!actual.equals(card.submission().sha256())) {
          problems.add("submission " + submission.getFileName() + " hashes to " + actual + ", the scorecard records "
              + card.submission().sha256());
        }
      }
    }
    if (problems.isEmpty()) {
      context.out().println("verified: " + scorecardFile.getFileName() + " · bundle " + bundleSha256.substring(0, 12)
          + (submission == null ? "" : " · submission " + card.submission().sha256().substring(0, 12))
          + (card.gradedBy().commit() == null ? "" : " · commit " + card.gradedBy().commit()));
      return Main.OK;
    }
    context.out().println("NOT verified: " + scorecardFile.getFileName());
    problems.forEach(p -> context.out().println("  - " + p));
    return Main.NOT_VERIFIED;
  }

  /** The hash intake computes when it grades {@code submission}: over exactly the files it accepts. */
  private static String submissionSha256(Path submission)
      throws IOException, IntakeException, grader.rubric.RubricException {
    Path work = Files.createTempDirectory("grader-verify-");
    try {
      return new Intake(IntakePolicy.defaults(), grader.rubric.RubricLoader.ofGrader().load().providedClasses()).copy(submission, work.resolve("submission")).sha256();
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
