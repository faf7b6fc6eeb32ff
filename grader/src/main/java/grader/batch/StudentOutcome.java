package grader.batch;

import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One student's result in a batch: the batch's entry, and the scorecard when grading produced one.
 */
public record StudentOutcome(StudentEntry entry, Scorecard scorecard) {
  private static final int MESSAGE_LIMIT = 160;

  public StudentOutcome {
    Objects.requireNonNull(entry, "entry must not be null");
    if ((entry.status() == StudentStatus.GRADED) != (scorecard != null)) {
      throw new IllegalArgumentException(
          "student " + entry.id() + ": a scorecard goes with status graded and only with it, status was " + entry.status());
    }
  }

  public static StudentOutcome graded(StudentSubmission submission, String inputSha256, String fingerprint, Scorecard scorecard, long durationMs) {
    String message = withIdNote(submission, describeUngraded(scorecard));
    return new StudentOutcome(
        new StudentEntry(null, submission.id(), submission.source(), inputSha256, fingerprint, StudentStatus.GRADED, message, durationMs),
        scorecard);
  }

  public static StudentOutcome error(StudentSubmission submission, String inputSha256, String fingerprint, String message, long durationMs) {
    return new StudentOutcome(
        new StudentEntry(null, submission.id(), submission.source(), inputSha256, fingerprint, StudentStatus.ERROR,
            withIdNote(submission, message), durationMs),
        null);
  }

  /** The row's message with the note on an ambiguous id in front, so an instructor sees it in the summary. */
  private static String withIdNote(StudentSubmission submission, String message) {
    if (submission.idNote() == null) {
      return message;
    }
    String note = "id: " + submission.idNote();
    return message == null || message.isEmpty() ? note : note + "; " + message;
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

  /**
   * The exercises that could not be graded normally, e.g. {@code threads: compile_error (Sleepy.java:3:
   * ';' expected)}; exercises with the same status and message share one entry.
   */
  static String describeUngraded(Scorecard scorecard) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ExerciseResult exercise : scorecard.exercises()) {
      if (exercise.status() == ExerciseStatus.GRADED) {
        continue;
      }
      String message = exercise.message() == null ? "" : exercise.message().strip().replaceAll("\\s+", " ");
      if (message.length() > MESSAGE_LIMIT) {
        message = message.substring(0, MESSAGE_LIMIT - 1) + "…";
      }
      String key = exercise.status().id() + (message.isEmpty() ? "" : " (" + message + ")");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(exercise.id());
    }
    return groups.entrySet().stream().map(g -> String.join(", ", g.getValue()) + ": " + g.getKey())
        .collect(Collectors.joining("; "));
  }
}
