package grader.run;

import grader.rubric.ExerciseRubric;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One exercise to run: its rubric (suite package and test ids), the student's compiled classes, the
 * submission root (holds REPORT.md) and a private directory for this run's files.
 */
public record SuiteRun(ExerciseRubric exercise, Path classesDirectory, Path submissionRoot, Path workDirectory) {
  public SuiteRun {
    Objects.requireNonNull(exercise, "exercise must not be null");
    Objects.requireNonNull(classesDirectory, "classesDirectory must not be null");
    Objects.requireNonNull(submissionRoot, "submissionRoot must not be null");
    Objects.requireNonNull(workDirectory, "workDirectory must not be null");
    classesDirectory = classesDirectory.toAbsolutePath().normalize();
    submissionRoot = submissionRoot.toAbsolutePath().normalize();
    workDirectory = workDirectory.toAbsolutePath().normalize();
  }
}
