package grader.run;

/**
 * Hears about tests as their results stream in (progress displays); called on the runner's threads
 * (one per part of the exercise), one call at a time, so the tests of different parts interleave.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** {@code name} is the test's display name. */
  default void testStarted(String exerciseId, String testId, String name) {}

  default void testFinished(String exerciseId, TestOutcome outcome) {}
}
