package grader.protocol;

import java.util.List;

/** The tests this child is about to run, in execution order; always the first event. */
public record PlanEvent(long seq, List<PlannedTest> tests) implements Event {
  public PlanEvent {
    tests = List.copyOf(tests);
  }
}
