package grader.cli;

import grader.grading.GradingListener;
import java.io.PrintWriter;

/** Builds the grading engine for one command run. */
@FunctionalInterface
public interface GraderFactory {
  /**
   * @param listener progress of the grading, as it happens
   * @param warnings where set-up warnings go (standard error)
   */
  Grading create(EngineOptions options, GradingListener listener, PrintWriter warnings) throws Exception;
}
