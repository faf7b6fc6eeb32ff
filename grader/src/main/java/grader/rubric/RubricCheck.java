package grader.rubric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an exercise's rubric against the tests its suite actually declares (as the child JVM
 * discovered them): every rubric test must exist, every discovered test must have points, and no
 * test id may appear twice. A mismatch means the suite and the rubric drifted apart.
 */
public final class RubricCheck {
  private RubricCheck() {}

  /** Throws a {@link RubricException} naming every unknown, missing and duplicated test id. */
  public static void verify(ExerciseRubric exercise, List<String> discoveredIds) throws RubricException {
    List<String> problems = unknownAndDuplicated(exercise, discoveredIds);
    Set<String> seen = new HashSet<>(discoveredIds);
    for (TestPoints test : exercise.tests()) {
      if (seen.contains(test.id())) {
        continue;
      }
      String problem = "rubric " + exercise.id() + ".json gives points to test '" + test.id() + "', but suite "
          + exercise.suite() + " has no such test method";
      if (test.hidden()) {
        // A student bundle's rubric lists no hidden test (make dist takes them out and writes
        // held_back_points): a hidden one here is an instructor's rubric without the hidden suites.
        problem += " (it is hidden: its class belongs in package " + Visibility.hiddenPackage(exercise.suite())
            + " of the hidden suites' module, lib/harness/grader-harness-hidden.jar, which this installation "
            + "lacks or which lacks the test; a student bundle's rubric lists no hidden test)";
      }
      problems.add(problem);
    }
    throwIfAny(problems);
  }

  /**
   * Throws a {@link RubricException} naming every test id that is unknown to the rubric or
   * discovered twice: the check for the tests of one part of an exercise, which need not be all of
   * them ({@link #verify} checks the parts' tests together).
   */
  public static void verifyKnown(ExerciseRubric exercise, List<String> discoveredIds) throws RubricException {
    throwIfAny(unknownAndDuplicated(exercise, discoveredIds));
  }

  /**
   * Throws a {@link RubricException} unless the tests one part of an exercise discovered are
   * declared in exactly the suite classes the rubric's part names: a class in no part would
   * otherwise run in every part (each part leaves out only the other parts' classes), a class that
   * declares no test is a misspelt name.
   *
   * @param partClasses the part's suite classes, named as {@code grader.protocol.SuiteClassName} names them
   * @param declaringClasses test id to the relative name of the suite class that declares it
   */
  public static void verifyPart(ExerciseRubric exercise, int part, List<String> partClasses,
      Map<String, String> declaringClasses) throws RubricException {
    List<String> problems = new ArrayList<>();
    Set<String> declaring = new LinkedHashSet<>(declaringClasses.values());
    for (String name : declaring) {
      if (!partClasses.contains(name)) {
        problems.add("suite class " + name + " of " + exercise.suite() + " declares tests but is in no part of rubric "
            + exercise.id() + ".json (add it to one group of \"parts\")");
      }
    }
    for (String name : partClasses) {
      if (!declaring.contains(name)) {
        problems.add("rubric " + exercise.id() + ".json's parts[" + part + "] names suite class " + name
            + ", but " + exercise.suite() + " has no such class with tests (names are relative to the suite"
            + " package, like \"ReportSuite\")");
      }
    }
    throwIfAny(problems);
  }

  private static List<String> unknownAndDuplicated(ExerciseRubric exercise, List<String> discoveredIds) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (String id : discoveredIds) {
      if (!seen.add(id)) {
        duplicates.add(id);
      }
    }
    for (String id : duplicates) {
      problems.add("suite " + exercise.suite() + " declares test '" + id
          + "' more than once (test ids are method names and must be unique within an exercise)");
    }
    Set<String> rubricIds = new LinkedHashSet<>();
    exercise.tests().forEach(t -> rubricIds.add(t.id()));
    for (String id : new LinkedHashSet<>(discoveredIds)) {
      if (!rubricIds.contains(id)) {
        problems.add("test '" + id + "' of suite " + exercise.suite() + " has no points in rubric "
            + exercise.id() + ".json (add it to \"tests\")");
      }
    }
    return problems;
  }

  private static void throwIfAny(List<String> problems) throws RubricException {
    if (!problems.isEmpty()) {
      throw new RubricException(String.join("; ", problems));
    }
  }

  /**
   * Throws a {@link RubricException} unless every hidden test is declared in the suite's
   * {@code hidden} package and every public test outside it: that package belongs in the hidden
   * suites' module, which {@code make dist} leaves out of the student bundle (and refuses hidden code
   * anywhere else), so a hidden test elsewhere would ship, and a public one there would not.
   *
   * @param declaringClasses test id to the fully qualified name of the class that declares it
   */
  public static void verifyPlacement(ExerciseRubric exercise, Map<String, String> declaringClasses)
      throws RubricException {
    String hiddenPrefix = Visibility.hiddenPackage(exercise.suite()) + ".";
    List<String> problems = new ArrayList<>();
    for (TestPoints test : exercise.tests()) {
      String className = declaringClasses.get(test.id());
      if (className == null) {
        continue; // verify() reports tests the suite lacks
      }
      boolean inHidden = className.startsWith(hiddenPrefix);
      if (test.hidden() && !inHidden) {
        problems.add("test '" + test.id() + "' is hidden in rubric " + exercise.id() + ".json but declared in "
            + className + ": move it into package " + Visibility.hiddenPackage(exercise.suite())
            + " of the hidden suites' module (harness-hidden/), which the student bundle leaves out");
      } else if (!test.hidden() && inHidden) {
        problems.add("test '" + test.id() + "' is declared in " + className + " (left out of the student bundle)"
            + " but public in rubric " + exercise.id() + ".json: mark it \"visibility\": \"hidden\" or move it");
      }
    }
    if (!problems.isEmpty()) {
      throw new RubricException(String.join("; ", problems));
    }
  }
}
