package grader.cli;

import grader.batch.BatchInputException;
import grader.batch.ShardMerger;
import grader.rubric.RubricLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code merge <shard outputs...> --out <dir>}: combines the outputs of {@code batch --shard i/N}
 * into one batch output, with the same summaries one unsharded run would have written.
 */
final class MergeCommand implements Command {

  @Override
  public String name() {
    return "merge";
  }

  @Override
  public String summary() {
    return "combine the outputs of batch --shard runs into one gradebook";
  }

  @Override
  public String usage() {
    return """
        Usage: java -jar grader.jar merge <shard output>... --out <dir>

        Combines the output folders of `batch --shard 1/N` ... `--shard N/N` (all N of them, from
        the same submissions folder) into <dir>: every student's folder, summary.csv, summary.json
        and index.html, exactly as one unsharded batch would have written them. Students whose
        shard has no complete result are listed as pending: rerun that shard, then merge again.

        Options:
          --out DIR    where the merged gradebook goes (required; a new folder, not a shard's)
        """;
  }

  @Override
  public int run(List<String> arguments, CommandContext context) throws Exception {
    ArgumentReader reader = new ArgumentReader(arguments);
    List<Path> shards = new ArrayList<>();
    String out = null;
    while (reader.hasNext()) {
      String argument = reader.next();
      if (argument.equals("--out")) {
        out = reader.value();
      } else if (ArgumentReader.isOption(argument)) {
        throw ArgumentReader.unknown(argument);
      } else {
        shards.add(context.environment().resolve(argument));
      }
    }
    if (shards.isEmpty()) {
      throw new UsageException("missing the shard output folders to merge (the --out folders of batch --shard runs)");
    }
    if (out == null) {
      throw new UsageException("missing --out <dir>: where the merged gradebook goes");
    }
    ShardMerger.MergeResult result;
    try {
      result = new ShardMerger(RubricLoader.ofGrader().load().exerciseIds()).merge(shards, context.environment().resolve(out));
    } catch (BatchInputException e) {
      throw new UsageException(e.getMessage());
    }
    Path dir = context.environment().resolve(out);
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
