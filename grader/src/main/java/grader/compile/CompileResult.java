package grader.compile;

import java.util.List;
import java.util.Optional;

/** One build per exercise, in the order of the rubric. */
public record CompileResult(List<ExerciseBuild> builds) {
  public CompileResult {
    builds = List.copyOf(builds);
  }

  public Optional<ExerciseBuild> of(String exerciseId) {
    return builds.stream().filter(b -> b.exerciseId().equals(exerciseId)).findFirst();
  }
}
