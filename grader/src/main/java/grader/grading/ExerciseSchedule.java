package grader.grading;

import grader.rubric.ExerciseRubric;
import grader.rubric.RubricException;
import grader.run.PoolWaits;
import grader.scorecard.ExerciseResult;
import grader.scorecard.TestResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Grades one submission's exercises at the same time and reports them as if they had run one after
 * another: each exercise writes its progress and warnings into a {@link Slot} of its own, and the
 * calling thread passes slot after slot on to the real listener in rubric order (the first exercise
 * live, the next as soon as the earlier ones are done). Progress output, warnings and results are
 * therefore the same, event for event, as those of a sequential run, and the listener is still
 * called from one thread only.
 */
final class ExerciseSchedule {

  /** One exercise's work: its result, with everything it reports written to the slot. */
  @FunctionalInterface
  interface ExerciseWork {
    ExerciseResult grade(ExerciseRubric exercise, Slot slot) throws IOException, InterruptedException, RubricException;
  }

  /**
   * Where one exercise reports: a listener whose calls are queued for the calling thread, and its
   * own list of scorecard warnings.
   */
  static final class Slot {
    private static final Consumer<GradingListener> END = l -> {};
    private final BlockingQueue<Consumer<GradingListener>> events = new LinkedBlockingQueue<>();
    private final List<String> warnings = new ArrayList<>();
    private final GradingListener listener = new GradingListener() {
      @Override
      public void exerciseStarted(String submissionId, ExerciseRubric exercise) {
        events.add(l -> l.exerciseStarted(submissionId, exercise));
      }

      @Override
      public void testStarted(String submissionId, String exerciseId, String testId, String name) {
        events.add(l -> l.testStarted(submissionId, exerciseId, testId, name));
      }

      @Override
      public void testFinished(String submissionId, String exerciseId, TestResult result) {
        events.add(l -> l.testFinished(submissionId, exerciseId, result));
      }

      @Override
      public void exerciseFinished(String submissionId, ExerciseResult result) {
        events.add(l -> l.exerciseFinished(submissionId, result));
      }

      @Override
      public void note(String submissionId, String message) {
        events.add(l -> l.note(submissionId, message));
      }
    };

    GradingListener listener() {
      return listener;
    }

    /** The exercise's warnings; only its own thread adds to them, the caller reads them after it ended. */
    List<String> warnings() {
      return warnings;
    }

    /** Passes the slot's events on until the exercise has ended. */
    void forwardTo(GradingListener target) throws InterruptedException {
      for (Consumer<GradingListener> event = events.take(); event != END; event = events.take()) {
        event.accept(target);
      }
    }

    void end() {
      events.add(END);
    }
  }

  private ExerciseSchedule() {}

  /**
   * Grades the exercises, {@code threads} at a time, and returns their results in the given order;
   * their warnings are appended to {@code warnings} in the same order. When one fails with an
   * exception (a grader fault) or the caller is interrupted, the others are stopped and waited for
   * before this returns, so nothing still writes into the work directory the caller deletes.
   */
  static List<ExerciseResult> run(List<ExerciseRubric> exercises, int threads, List<String> warnings,
      GradingListener listener, ExerciseWork work) throws IOException, InterruptedException, RubricException {
    if (exercises.isEmpty()) {
      return List.of();
    }
    List<Slot> slots = new ArrayList<>();
    List<Future<ExerciseResult>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, exercises.size())), r -> {
      Thread thread = new Thread(r, "grader-exercise");
      thread.setDaemon(true);
      return thread;
    });
    boolean finished = false;
    try {
      for (ExerciseRubric exercise : exercises) {
        Slot slot = new Slot();
        slots.add(slot);
        futures.add(pool.submit(() -> {
          try {
            return work.grade(exercise, slot);
          } finally {
            slot.end();
          }
        }));
      }
      List<ExerciseResult> results = new ArrayList<>();
      for (int i = 0; i < exercises.size(); i++) {
        slots.get(i).forwardTo(listener);
        results.add(PoolWaits.resultOf(futures.get(i), "grading an exercise"));
        warnings.addAll(slots.get(i).warnings());
      }
      finished = true;
      return results;
    } finally {
      if (!finished) {
        futures.forEach(f -> f.cancel(true));
      }
      pool.shutdown();
      PoolWaits.awaitTermination(pool);
    }
  }


}
