package grader.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code --exercise ID[,ID...]}, the same in {@code check}, {@code grade} and {@code batch}:
 * repeatable and comma-separated; an empty value (what {@code make check EX=} passes) selects
 * nothing, so everything is graded. The known ids come from the rubric index.
 */
final class ExerciseSelection {
  @Option(names = "--exercise", paramLabel = "ID", split = ",",
      description = "grade only these exercises; repeatable (the ids are listed below; default: all)")
  private List<String> requested = new ArrayList<>();

  /** The ids asked for; empty for all. */
  Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : requested) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return Set.copyOf(ids);
  }

  /** An unknown exercise id is a usage error, caught before any grading starts. */
  Set<String> checked(List<String> known) throws UsageException {
    Set<String> ids = ids();
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new UsageException("unknown exercise " + id + " (known: " + String.join(", ", known) + ")");
      }
    }
    return ids;
  }
}
