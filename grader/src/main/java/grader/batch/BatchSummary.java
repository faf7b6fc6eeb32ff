package grader.batch;

import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a batch produced, ready for the summary writers: the exercises as columns and one row per
 * student, sorted by id. A pure function of the students' outcomes, so a sharded batch merged
 * gives the very same summary as one run.
 */
public record BatchSummary(List<ExerciseColumn> exercises, List<StudentOutcome> students) {
  public BatchSummary {
    exercises = List.copyOf(exercises);
    students = students.stream().sorted(Comparator.comparing(StudentOutcome::id)).toList();
  }

  /** An exercise column: its id, the title students read, and its maximum score. */
  public record ExerciseColumn(String id, String title, BigDecimal maxScore) {}

  /**
   * Builds the summary; exercise columns follow {@code exerciseOrder} (the rubric's order), then
   * any other exercise found in a scorecard, in order of first appearance.
   */
  public static BatchSummary of(List<StudentOutcome> outcomes, List<String> exerciseOrder) {
    List<StudentOutcome> sorted = outcomes.stream().sorted(Comparator.comparing(StudentOutcome::id)).toList();
    Map<String, ExerciseColumn> found = new LinkedHashMap<>();
    for (StudentOutcome outcome : sorted) {
      if (outcome.scorecard() == null) {
        continue;
      }
      for (ExerciseResult exercise : outcome.scorecard().exercises()) {
        ExerciseColumn known = found.get(exercise.id());
        if (known == null || known.maxScore().compareTo(exercise.maxScore()) < 0) {
          String title = known != null && known.title() != null ? known.title() : exercise.title();
          found.put(exercise.id(), new ExerciseColumn(exercise.id(), title == null ? exercise.id() : title, exercise.maxScore()));
        }
      }
    }
    List<ExerciseColumn> columns = new ArrayList<>();
    for (String id : exerciseOrder) {
      ExerciseColumn column = found.remove(id);
      if (column != null) {
        columns.add(column);
      }
    }
    columns.addAll(found.values());
    return new BatchSummary(columns, sorted);
  }

  /** The result of exercise {@code exerciseId} in a student's scorecard, if graded and present. */
  public static Optional<ExerciseResult> exercise(StudentOutcome outcome, String exerciseId) {
    if (outcome.scorecard() == null) {
      return Optional.empty();
    }
    return outcome.scorecard().exercises().stream().filter(e -> e.id().equals(exerciseId)).findFirst();
  }

  public long count(StudentStatus status) {
    return students.stream().filter(s -> s.status() == status).count();
  }

  /** The scorecards' totals, in id order. */
  public List<BigDecimal> totals() {
    return students.stream().map(StudentOutcome::scorecard).filter(s -> s != null).map(Scorecard::score).toList();
  }

  /** The largest maximum score over the scorecards (the batch's full marks), or zero. */
  public BigDecimal maxScore() {
    return students.stream().map(StudentOutcome::scorecard).filter(s -> s != null)
        .map(Scorecard::maxScore).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
  }

  public Optional<BigDecimal> mean() {
    List<BigDecimal> totals = totals();
    if (totals.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return Optional.of(sum.divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_EVEN));
  }

  public Optional<BigDecimal> median() {
    List<BigDecimal> totals = new ArrayList<>(totals());
    if (totals.isEmpty()) {
      return Optional.empty();
    }
    totals.sort(Comparator.naturalOrder());
    int n = totals.size();
    BigDecimal median = n % 2 == 1
        ? totals.get(n / 2)
        : totals.get(n / 2 - 1).add(totals.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
    return Optional.of(median);
  }

  /**
   * Pass rates of every test, per exercise in column order, tests in the order the scorecards list
   * them. A test's denominator is the number of scorecards that contain it.
   */
  public Map<String, List<TestRate>> testRates() {
    Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
    Map<String, Map<String, String>> names = new LinkedHashMap<>();
    for (ExerciseColumn column : exercises) {
      counts.put(column.id(), new LinkedHashMap<>());
      names.put(column.id(), new LinkedHashMap<>());
    }
    for (StudentOutcome outcome : students) {
      if (outcome.scorecard() == null) {
        continue;
      }
      for (ExerciseResult exercise : outcome.scorecard().exercises()) {
        Map<String, int[]> tests = counts.get(exercise.id());
        for (TestResult test : exercise.tests()) {
          int[] c = tests.computeIfAbsent(test.id(), k -> new int[2]);
          names.get(exercise.id()).putIfAbsent(test.id(), test.name() == null ? test.id() : test.name());
          c[1]++;
          if (test.status() == grader.scorecard.TestStatus.PASSED) {
            c[0]++;
          }
        }
      }
    }
    Map<String, List<TestRate>> rates = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, int[]>> exercise : counts.entrySet()) {
      List<TestRate> list = new ArrayList<>();
      for (Map.Entry<String, int[]> test : exercise.getValue().entrySet()) {
        list.add(new TestRate(test.getKey(), names.get(exercise.getKey()).get(test.getKey()), test.getValue()[0], test.getValue()[1]));
      }
      rates.put(exercise.getKey(), List.copyOf(list));
    }
    return rates;
  }

  /** Students whose scorecard has every point there was to get (and there were some). */
  public long fullMarks() {
    return students.stream().filter(s -> s.scorecard() != null && s.scorecard().isFullMarks()
        && s.scorecard().maxScore().signum() > 0).count();
  }

  /** How the class did on one exercise, over the scorecards that contain it. */
  public ExerciseStatistics statistics(ExerciseColumn column) {
    BigDecimal sum = BigDecimal.ZERO;
    int scored = 0;
    int full = 0;
    int notGraded = 0;
    for (StudentOutcome student : students) {
      Optional<ExerciseResult> result = exercise(student, column.id());
      if (result.isEmpty()) {
        continue;
      }
      ExerciseResult e = result.get();
      scored++;
      sum = sum.add(e.score());
      if (e.maxScore().signum() > 0 && e.score().compareTo(e.maxScore()) == 0) {
        full++;
      }
      if (e.status() != ExerciseStatus.GRADED) {
        notGraded++;
      }
    }
    return new ExerciseStatistics(column.maxScore(), sum, scored, full, notGraded);
  }

  /** One exercise's totals over the class: points summed, scorecards, full marks, not gradable. */
  public record ExerciseStatistics(BigDecimal maxScore, BigDecimal sum, int scored, int fullMarks, int notGraded) {
    /** The mean score, to one decimal; none without scorecards. */
    public Optional<BigDecimal> mean() {
      return scored == 0 ? Optional.empty() : Optional.of(sum.divide(BigDecimal.valueOf(scored), 1, RoundingMode.HALF_EVEN));
    }

    /** The mean as a share of the maximum, 0 without scorecards or points. */
    public double meanFraction() {
      return scored == 0 || maxScore.signum() == 0 ? 0 : sum.doubleValue() / scored / maxScore.doubleValue();
    }

    /** The share of scorecards with full marks. */
    public double fullFraction() {
      return scored == 0 ? 0 : (double) fullMarks / scored;
    }
  }

  /** How many of the scorecards that contain a test passed it. */
  public record TestRate(String id, String name, int passed, int total) {
    public double rate() {
      return total == 0 ? 0 : (double) passed / total;
    }
  }
}
