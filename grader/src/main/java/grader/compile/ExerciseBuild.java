package grader.compile;

import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one exercise compiled: {@link ExerciseStatus#GRADED} means its classes are in {@code
 * classesDirectory} and keep the contract; {@link ExerciseStatus#COMPILE_ERROR} and {@link
 * ExerciseStatus#MISSING} carry a message for the student and the compiler's findings.
 */
public record ExerciseBuild(
    String exerciseId, ExerciseStatus status, Path classesDirectory, String message, List<Diagnostic> diagnostics) {

  public ExerciseBuild {
    Objects.requireNonNull(exerciseId, "exerciseId must not be null");
    Objects.requireNonNull(status, "status must not be null");
    diagnostics = List.copyOf(diagnostics);
    if ((status == ExerciseStatus.GRADED) != (classesDirectory != null)) {
      throw new IllegalArgumentException("classesDirectory must be set exactly when the status is graded, was "
          + classesDirectory + " for " + status);
    }
    if (status == ExerciseStatus.CRASHED) {
      throw new IllegalArgumentException("a build is graded, compile_error or missing, never crashed");
    }
    if (status != ExerciseStatus.GRADED) {
      Objects.requireNonNull(message, "message must not be null when the exercise is not graded");
    }
  }

  static ExerciseBuild graded(String exerciseId, Path classesDirectory) {
    return new ExerciseBuild(exerciseId, ExerciseStatus.GRADED, classesDirectory, null, List.of());
  }

  static ExerciseBuild failed(String exerciseId, ExerciseStatus status, String message, List<Diagnostic> diagnostics) {
    return new ExerciseBuild(exerciseId, status, null, message, diagnostics);
  }
}
