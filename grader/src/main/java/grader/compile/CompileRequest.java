package grader.compile;

import grader.rubric.ExerciseRubric;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CompilerMain} compiles: a submission's {@code src/main/java}, its exercises, where the
 * classes go, and whether each exercise is compiled alone from the start (see {@link SubmissionCompiler}).
 */
public record CompileRequest(Path sourceRoot, List<ExerciseRubric> exercises, Path outputDirectory, boolean alone) {
  public CompileRequest {
    Objects.requireNonNull(sourceRoot, "sourceRoot must not be null");
    Objects.requireNonNull(outputDirectory, "outputDirectory must not be null");
    exercises = List.copyOf(exercises);
  }
}
