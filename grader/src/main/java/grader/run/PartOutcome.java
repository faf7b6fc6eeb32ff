package grader.run;

import grader.rubric.ExerciseRubric;
import grader.rubric.RubricCheck;
import grader.rubric.RubricException;
import grader.rubric.TestPoints;
import grader.scorecard.ExerciseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one part of an exercise (the rubric's {@code parts}: some of its suite classes, run in
 * harness JVMs of their own) produced; {@link #merge} makes the exercise's outcome of them.
 *
 * @param planned the ids of the tests the part's first JVM listed, in execution order; empty when it
 *     stopped before it listed any ({@code startupCrash} says how)
 * @param tests the outcome of each planned test, by id
 * @param startupCrash for the student, how the part's JVM stopped before it could run any test; null
 *     if it listed its tests
 * @param restarts why each fresh JVM after the first was started, one phrase each
 * @param limitsHit the sandbox limits any of the part's JVMs ran into, each sentence once, also those of
 *     a JVM that was stopped between two tests or whose last test had already ended
 */
record PartOutcome(List<String> planned, Map<String, TestOutcome> tests, String startupCrash, int jvms,
    int rejectedLines, List<String> contradictions, List<String> restarts, List<String> limitsHit) {

  static final String NOT_RUN_AT_STARTUP = "Not run: the test JVM stopped before any test could run.";
  static final String NOT_REPORTED = "Not run: the suite did not report this test.";

  PartOutcome {
    planned = List.copyOf(planned);
    tests = Map.copyOf(tests);
    contradictions = List.copyOf(contradictions);
    restarts = List.copyOf(restarts);
    limitsHit = List.copyOf(limitsHit);
    if (startupCrash != null && !planned.isEmpty()) {
      throw new IllegalArgumentException("a part that listed its tests did not crash at start-up");
    }
  }

  /** A part whose JVM stopped before it listed its tests ({@code message} names the limits it hit). */
  static PartOutcome crashedAtStartup(String message, int jvms, int rejectedLines) {
    Objects.requireNonNull(message, "message must not be null");
    return new PartOutcome(List.of(), Map.of(), message, jvms, rejectedLines, List.of(), List.of(), List.of());
  }

  boolean crashed() {
    return startupCrash != null;
  }

  /**
   * The exercise's outcome from its parts' (in rubric order of the parts): one outcome per rubric
   * test, in rubric order, from the part that ran it. A test no part listed is not run: the JVM of
   * its part stopped at start-up. The exercise is {@link ExerciseStatus#CRASHED} only if every part
   * did; otherwise it is graded and its message says which sandbox limits were reached, which tests
   * could not run and which JVMs were restarted. One part gives exactly the outcome of the exercise
   * run as a whole.
   *
   * @throws RubricException if every part listed its tests and together they do not match the rubric
   */
  static ExerciseOutcome merge(ExerciseRubric exercise, List<PartOutcome> parts) throws RubricException {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("an exercise has at least one part");
    }
    Map<String, TestOutcome> byId = new LinkedHashMap<>();
    List<String> planned = new ArrayList<>();
    List<String> contradictions = new ArrayList<>();
    List<String> restarts = new ArrayList<>();
    List<String> crashes = new ArrayList<>();
    Set<String> limitsHit = new LinkedHashSet<>();
    int jvms = 0;
    int rejected = 0;
    for (PartOutcome part : parts) {
      planned.addAll(part.planned());
      part.tests().forEach(byId::putIfAbsent);
      contradictions.addAll(part.contradictions());
      restarts.addAll(part.restarts());
      limitsHit.addAll(part.limitsHit());
      if (part.crashed()) {
        crashes.add(part.startupCrash());
      }
      jvms += part.jvms();
      rejected += part.rejectedLines();
    }
    if (crashes.isEmpty()) {
      RubricCheck.verify(exercise, planned); // each part checked its own; this checks that none is missing
    }
    boolean allCrashed = crashes.size() == parts.size();
    List<TestOutcome> tests = new ArrayList<>();
    for (TestPoints points : exercise.tests()) {
      TestOutcome outcome = byId.get(points.id());
      tests.add(outcome != null ? outcome
          : TestOutcome.notRun(points.id(), points.id(), crashes.isEmpty() ? NOT_REPORTED : NOT_RUN_AT_STARTUP));
    }
    if (allCrashed) {
      return new ExerciseOutcome(exercise.id(), ExerciseStatus.CRASHED, crashes.get(0), tests, jvms, rejected,
          List.of());
    }
    List<String> message = new ArrayList<>();
    // Said here whatever was running when the limit struck: a run stopped between two tests, or one
    // whose tests had all ended before the sandbox's last look, names no limit in any test's message.
    if (!limitsHit.isEmpty()) {
      message.add("Limits reached: " + String.join("; ", limitsHit) + ".");
    }
    for (String crash : crashes) {
      message.add("The tests marked not run ran in a JVM of their own (the exercise's tests ran in " + parts.size()
          + " JVMs at once), which stopped before it could run any of them. " + crash);
    }
    if (!restarts.isEmpty()) {
      message.add("Some tests ended their JVM, so the grader ran the tests after them in a fresh one (" + jvms
          + " JVMs in all): " + String.join("; ", restarts) + ".");
    }
    return new ExerciseOutcome(exercise.id(), ExerciseStatus.GRADED,
        message.isEmpty() ? null : String.join("\n", message), tests, jvms, rejected, contradictions);
  }
}
