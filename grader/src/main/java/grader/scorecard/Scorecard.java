package grader.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The result of grading one submission: the one format every entry point writes and every exporter
 * reads. Serialised with snake_case names by {@link ScorecardJson}; {@link #SCHEMA} versions it.
 *
 * @param heldBackPoints points of hidden tests this grader does not have (a student's bundle), or
 *     null when it graded every test; the optional fields are left out of the JSON when null
 * @param gradedBy what graded it beyond the grader itself (bundle, commit, CI run), or null
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
    List<String> warnings,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal heldBackPoints,
    @JsonInclude(JsonInclude.Include.NON_NULL) GradedBy gradedBy) {

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

  /** A scorecard without the optional fields. */
  public Scorecard(
      String schema,
      GraderInfo grader,
      SubmissionInfo submission,
      Isolation isolation,
      BigDecimal score,
      BigDecimal maxScore,
      long durationMs,
      List<ExerciseResult> exercises,
      List<String> warnings) {
    this(schema, grader, submission, isolation, score, maxScore, durationMs, exercises, warnings, null, null);
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
    BigDecimal heldBack = exercises.stream().map(ExerciseResult::heldBackPoints).filter(p -> p != null)
        .reduce(BigDecimal::add).orElse(null);
    return new Scorecard(SCHEMA, grader, submission, isolation, score, max, durationMs, exercises, warnings, heldBack,
        null);
  }

  /** The same scorecard, recording what graded it. */
  public Scorecard withGradedBy(GradedBy by) {
    return new Scorecard(schema, grader, submission, isolation, score, maxScore, durationMs, exercises, warnings,
        heldBackPoints, by);
  }

  public boolean isFullMarks() {
    return score.compareTo(maxScore) == 0;
  }
}
