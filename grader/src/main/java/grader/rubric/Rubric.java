package grader.rubric;

import java.util.List;
import java.util.Optional;

/** The graded exercises, in report order, each with its tests and points. */
public record Rubric(List<ExerciseRubric> exercises) {
  public Rubric {
    exercises = List.copyOf(exercises);
  }

  public Optional<ExerciseRubric> exercise(String id) {
    return exercises.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The classes every exercise provides ready-made, for intake (see {@link ExerciseRubric#provided()}). */
  public List<String> providedClasses() {
    return exercises.stream().flatMap(e -> e.provided().stream()).toList();
  }

  public List<String> exerciseIds() {
    return exercises.stream().map(ExerciseRubric::id).toList();
  }
}
