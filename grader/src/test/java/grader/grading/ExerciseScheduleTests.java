package grader.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.rubric.ExerciseRubric;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExerciseScheduleTests {
  private final List<ExerciseRubric> exercises = List.of(exercise("a"), exercise("b"), exercise("c"));

  @Test
  void progressWarningsAndResultsComeInRubricOrderWhateverOrderTheExercisesEndIn() throws Exception {
    // c ends first, then b, then a: the listener must still hear a, b, c, each whole.
    CountDownLatch cDone = new CountDownLatch(1);
    CountDownLatch bDone = new CountDownLatch(1);
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    List<Thread> listenerThreads = Collections.synchronizedList(new ArrayList<>());
    GradingListener listener = new GradingListener() {
      @Override
      public void note(String submissionId, String message) {
        heard.add(message);
        listenerThreads.add(Thread.currentThread());
      }
    };
    List<String> warnings = new ArrayList<>(List.of("setup"));
    List<ExerciseResult> results = ExerciseSchedule.run(exercises, 3, warnings, listener, (exercise, slot) -> {
      if (exercise.id().equals("a")) {
        assertTrue(bDone.await(10, TimeUnit.SECONDS));
      } else if (exercise.id().equals("b")) {
        assertTrue(cDone.await(10, TimeUnit.SECONDS));
      }
      slot.listener().note("s", exercise.id() + "1");
      slot.warnings().add(exercise.id() + " warning");
      slot.listener().note("s", exercise.id() + "2");
      (exercise.id().equals("c") ? cDone : exercise.id().equals("b") ? bDone : new CountDownLatch(0)).countDown();
      return result(exercise);
    });
    assertEquals(List.of("a1", "a2", "b1", "b2", "c1", "c2"), heard);
    assertEquals(List.of("setup", "a warning", "b warning", "c warning"), warnings);
    assertEquals(List.of("a", "b", "c"), results.stream().map(ExerciseResult::id).toList());
    assertTrue(listenerThreads.stream().allMatch(t -> t == Thread.currentThread()), "the caller's thread only");
  }

  @Test
  void aGraderFaultStopsTheOthersAndIsRethrownAfterTheyEnded() {
    AtomicBoolean slowOneEnded = new AtomicBoolean();
    // a fails only once the others run: one cancelled before it started never runs, and proves nothing.
    CountDownLatch othersStarted = new CountDownLatch(2);
    IOException thrown = assertThrows(IOException.class, () -> ExerciseSchedule.run(exercises, 3, new ArrayList<>(),
        GradingListener.NONE, (exercise, slot) -> {
          if (exercise.id().equals("a")) {
            assertTrue(othersStarted.await(10, TimeUnit.SECONDS), "b and c started");
            throw new IOException("disk full");
          }
          othersStarted.countDown();
          try {
            Thread.sleep(60_000);
          } finally {
            slowOneEnded.set(true);
          }
          return result(exercise);
        }));
    assertEquals("disk full", thrown.getMessage());
    assertTrue(slowOneEnded.get(), "the other exercises were interrupted and waited for");
  }

  private static ExerciseRubric exercise(String id) {
    return new ExerciseRubric(id, id, "grader.suites." + id, List.of(), List.of());
  }

  private static ExerciseResult result(ExerciseRubric exercise) {
    return new ExerciseResult(exercise.id(), exercise.title(), BigDecimal.ZERO, BigDecimal.ZERO, ExerciseStatus.GRADED,
        null, List.of(), List.of(), null);
  }
}
