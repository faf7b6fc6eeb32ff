package grader.cli;

import grader.bundle.BundleRequest;
import grader.bundle.BundleResult;
import grader.bundle.BundleWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code dist --out DIR}: writes the student bundle of this installation (what {@code make dist} runs). */
final class DistCommand implements Command {

  @Override
  public String name() {
    return "dist";
  }

  @Override
  public String summary() {
    return "write the student grader bundle (a reproducible zip and its .sha256)";
  }

  @Override
  public String usage() {
    return """
        Usage: java -jar grader.jar dist --out DIR [--include FILE]... [--installation DIR]

        Packs this grader installation (grader.jar, its libraries, the agent) into
        DIR/concurrency-grader-<version>.zip and writes DIR/<that name>.sha256 in sha256sum format.
        Hidden tests (rubric "visibility": "hidden") are left out; the rubric says how many points
        they hold back. Two runs over the same installation write the same bytes.

        Options:
          --out DIR            where the zip and its .sha256 go (required)
          --include FILE       also put FILE at the zip's root (a README, the licence); repeatable
          --installation DIR   the installation to pack (default: the folder of this grader.jar)
        """;
  }

  @Override
  public int run(List<String> arguments, CommandContext context) throws Exception {
    ArgumentReader reader = new ArgumentReader(arguments);
    Path out = null;
    Path installation = null;
    List<Path> documents = new ArrayList<>();
    while (reader.hasNext()) {
      String argument = reader.next();
      switch (argument) {
        case "--out":
          out = context.environment().resolve(reader.value());
          break;
        case "--include":
          Path document = context.environment().resolve(reader.value());
          if (!Files.isRegularFile(document)) {
            throw new UsageException("--include " + document + ": no such file");
          }
          documents.add(document);
          break;
        case "--installation":
          installation = context.environment().resolve(reader.value());
          break;
        default:
          throw ArgumentReader.isOption(argument) ? ArgumentReader.unknown(argument)
              : new UsageException("dist takes no arguments but options: got " + argument);
      }
    }
    if (out == null) {
      throw new UsageException("missing --out <dir>: where to write the bundle");
    }
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
