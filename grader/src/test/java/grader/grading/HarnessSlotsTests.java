package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.rubric.RubricLoader;
import org.junit.jupiter.api.Test;

class HarnessSlotsTests {

  @Test
  void oneGradingNeverWaitsForASlotAndABatchGetsTwoPerCore() {
    assertEquals(5, Grader.harnessSlotsFor(2, 5), "the course's five harness JVMs on two cores");
    assertEquals(4, Grader.harnessSlotsFor(2, 3));
    assertEquals(16, Grader.harnessSlotsFor(8, 5));
    assertEquals(2, Grader.harnessSlotsFor(1, 1));
  }

  @Test
  void theCoursesGradingRunsAHarnessJvmPerExerciseAndPerPart() throws Exception {
    // threads, processes, async, and compare in two parts
    assertEquals(5, Grader.harnessJvmsPerGrading(RubricLoader.ofGrader().load()));
  }
}
