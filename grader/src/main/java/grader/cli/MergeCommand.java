package grader.cli;

import grader.batch.BatchInputException;
import grader.batch.ShardMerger;
import grader.rubric.RubricLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code merge <shard outputs...> --out <dir>}: combines the outputs of {@code batch --shard i/N}
 * into one batch output, with the same summaries one unsharded run would have written.
 */
@picocli.CommandLine.Command(name = "merge",
    customSynopsis = "java -jar grader.jar merge <shard output>... --out <dir>",
    description = {
        "Combines the output folders of `batch --shard 1/N` ... `--shard N/N` (all N of them, from",
        "the same submissions folder) into <dir>: every student's folder, summary.csv, summary.json",
        "and index.html, exactly as one unsharded batch would have written them. Students whose",
        "shard has no complete result are listed as pending: rerun that shard, then merge again."})
final class MergeCommand implements Command {
  @Parameters(paramLabel = "<shard output>", arity = "0..*", hidden = true)
  private List<String> shardFolders = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "where the merged gradebook goes (required; a new folder, not a shard's)")
  private String out;

  @Override
  public String summary() {
    return "combine the outputs of batch --shard runs into one gradebook";
  }

  @Override
  public int run(CommandContext context) throws Exception {
    List<Path> shards = shardFolders.stream().map(context.environment()::resolve).toList();
    if (shards.isEmpty()) {
      throw new UsageException("missing the shard output folders to merge (the --out folders of batch --shard runs)");
    }
    Path dir = Options.required("--out <dir>", out, "where the merged gradebook goes", context.environment());
    ShardMerger.MergeResult result;
    try {
      result = new ShardMerger(RubricLoader.ofGrader().load().exerciseIds()).merge(shards, dir);
    } catch (BatchInputException e) {
      throw new UsageException(e.getMessage());
    }
    context.out().println("merge: " + shards.size() + " shard outputs, " + result.summary().students().size() + " students");
    if (!result.pending().isEmpty()) {
      context.err().println("grader: " + result.pending().size() + " student(s) have no result yet (pending): "
          + String.join(", ", result.pending()) + "; rerun their shard (it resumes), then merge again");
    }
    context.out().println("Summary:   " + dir.resolve("summary.csv"));
    context.out().println("Gradebook: " + dir.resolve("index.html"));
    return Main.OK;
  }
}
