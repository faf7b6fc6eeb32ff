package grader.batch;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the instructor asked a batch to do.
 *
 * @param submissions the folder with one subfolder or zip per student
 * @param out where the per-student folders and the summaries go (outside {@code submissions})
 * @param jobs how many submissions are graded at once
 * @param force regrade everyone, even students whose results are up to date
 * @param only if not empty, grade (forcibly) only these student ids; the others keep the results
 *     they have
 * @param shard which part of the students this run grades
 */
public record BatchOptions(Path submissions, Path out, int jobs, boolean force, Set<String> only, ShardSpec shard) {
  public BatchOptions {
    Objects.requireNonNull(submissions, "submissions must not be null");
    Objects.requireNonNull(out, "out must not be null");
    Objects.requireNonNull(shard, "shard must not be null");
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
    }
    only = Set.copyOf(new TreeSet<>(only));
  }

  public static BatchOptions of(Path submissions, Path out, int jobs) {
    return new BatchOptions(submissions, out, jobs, false, Set.of(), ShardSpec.ALL);
  }

  public BatchOptions withForce(boolean value) {
    return new BatchOptions(submissions, out, jobs, value, only, shard);
  }

  public BatchOptions withOnly(Set<String> ids) {
    return new BatchOptions(submissions, out, jobs, force, ids, shard);
  }

  public BatchOptions withShard(ShardSpec value) {
    return new BatchOptions(submissions, out, jobs, force, only, value);
  }

  public BatchOptions withJobs(int value) {
    return new BatchOptions(submissions, out, value, force, only, shard);
  }
}
