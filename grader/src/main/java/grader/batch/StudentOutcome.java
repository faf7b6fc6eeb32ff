package grader.batch;

import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One student's result in a batch: the batch's entry, and the scorecard when grading produced one.
 */
public record StudentOutcome(StudentEntry entry, Scorecard scorecard) {
  public StudentOutcome {
    Objects.requireNonNull(entry, "entry must not be null");
    if ((entry.status() == StudentStatus.GRADED) != (scorecard != null)) {
      throw new IllegalArgumentException(
          "student " + entry.id() + ": a scorecard goes with status graded and only with it, status was " + entry.status());
    }
  }

  public static StudentOutcome graded(StudentSubmission submission, String inputSha256, String fingerprint, Scorecard scorecard, long durationMs) {
    String message = scorecard.exercises().stream()
        .filter(e -> e.status() != ExerciseStatus.GRADED)
        .map(StudentOutcome::describe)
        .collect(Collectors.joining("; "));
    return new StudentOutcome(
        new StudentEntry(null, submission.id(), submission.source(), inputSha256, fingerprint, StudentStatus.GRADED, message, durationMs),
        scorecard);
  }

  public static StudentOutcome error(StudentSubmission submission, String inputSha256, String fingerprint, String message, long durationMs) {
    return new StudentOutcome(
        new StudentEntry(null, submission.id(), submission.source(), inputSha256, fingerprint, StudentStatus.ERROR, message, durationMs),
        null);
  }

  public static StudentOutcome pending(StudentSubmission submission) {
    return new StudentOutcome(
        new StudentEntry(null, submission.id(), submission.source(), "", "", StudentStatus.PENDING, "not graded yet", 0),
        null);
  }

  public String id() {
    return entry.id();
  }

  public StudentStatus status() {
    return entry.status();
  }

  public Optional<Scorecard> scorecardIfAny() {
    return Optional.ofNullable(scorecard);
  }

  private static String describe(ExerciseResult exercise) {
    return exercise.id() + ": " + exercise.status().id();
  }
}
