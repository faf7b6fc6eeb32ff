package grader.cli;

import grader.bundle.BundleRequest;
import grader.bundle.BundleResult;
import grader.bundle.BundleWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dist --out DIR}: writes the student bundle of this installation (what {@code make dist} runs). */
@picocli.CommandLine.Command(name = "dist",
    customSynopsis = "java -jar grader.jar dist --out DIR [--include FILE]... [--installation DIR]",
    description = {
        "Packs this grader installation (grader.jar, its libraries, the agent) into",
        "DIR/concurrency-grader-<version>.zip and writes DIR/<that name>.sha256 in sha256sum format.",
        "Hidden tests (rubric \"visibility\": \"hidden\") are left out; the rubric says how many points",
        "they hold back. Two runs over the same installation write the same bytes."})
final class DistCommand implements Command {
  @Parameters(arity = "0..*", hidden = true)
  private List<String> unexpected = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "where the zip and its .sha256 go (required)")
  private String out;

  @Option(names = "--include", paramLabel = "FILE",
      description = "also put FILE at the zip's root (a README, the licence); repeatable")
  private List<String> includes = new ArrayList<>();

  @Option(names = "--installation", paramLabel = "DIR",
      description = "the installation to pack (default: the folder of this grader.jar)")
  private String installationDir;

  @Override
  public String summary() {
    return "write the student grader bundle (a reproducible zip and its .sha256)";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    if (!unexpected.isEmpty()) {
      throw new UsageException("dist takes no arguments but options: got " + unexpected.get(0));
    }
    CliEnvironment environment = context.environment();
    Path out = Options.required("--out <dir>", this.out, "where to write the bundle", environment);
    List<Path> documents = new ArrayList<>();
    for (String include : includes) {
      Path document = Options.path("--include", include, environment);
      if (!Files.isRegularFile(document)) {
        throw new UsageException("--include " + document + ": no such file");
      }
      documents.add(document);
    }
    Path installation = installationDir == null ? null : Options.path("--installation", installationDir, environment);
    if (installation == null) {
      installation = grader.run.GraderInstallation.fromRunningJar().graderJar().getParent();
    }
    BundleResult result = new BundleWriter().write(new BundleRequest(installation, out, Main.version(), documents));
    context.out().println("Bundle: " + result.zip() + " (" + result.entries().size() + " entries, "
        + Files.size(result.zip()) / 1024 + " KiB)");
    context.out().println("sha256: " + result.sha256() + "  (" + result.sha256File().getFileName() + ")");
    result.heldBackPoints().forEach((exercise, points) ->
        context.out().println("held back: " + exercise + " " + grader.report.Points.format(points) + " points"));
    return Main.OK;
  }
}
