package grader.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The result of grading one submission: the one format every entry point writes and every exporter
 * reads. Serialised with snake_case names by {@link ScorecardJson}; {@link #SCHEMA} versions it.
 */
public record Scorecard(
    String schema,
    GraderInfo grader,
    SubmissionInfo submission,
    Isolation isolation,
    BigDecimal score,
    BigDecimal maxScore,
    long durationMs,
    List<ExerciseResult> exercises,
    List<String> warnings) {

  /** Bump on any incompatible change of the JSON shape. */
  public static final String SCHEMA = "concurrency-grader/scorecard/v1";

  public Scorecard {
    Objects.requireNonNull(schema, "schema must not be null");
    Objects.requireNonNull(grader, "grader must not be null");
    Objects.requireNonNull(submission, "submission must not be null");
    Objects.requireNonNull(isolation, "isolation must not be null");
    exercises = List.copyOf(exercises);
    warnings = List.copyOf(warnings);
  }

  /** Builds a scorecard whose totals are the sums over {@code exercises}. */
  public static Scorecard of(
      GraderInfo grader,
      SubmissionInfo submission,
      Isolation isolation,
      long durationMs,
      List<ExerciseResult> exercises,
      List<String> warnings) {
    BigDecimal score = exercises.stream().map(ExerciseResult::score).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal max = exercises.stream().map(ExerciseResult::maxScore).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Scorecard(SCHEMA, grader, submission, isolation, score, max, durationMs, exercises, warnings);
  }

  public boolean isFullMarks() {
    return score.compareTo(maxScore) == 0;
  }
}
