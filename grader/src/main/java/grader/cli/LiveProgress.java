package grader.cli;

import grader.grading.GradingListener;
import grader.report.TerminalReport;
import grader.rubric.ExerciseRubric;
import grader.scorecard.ExerciseResult;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.PrintWriter;

/**
 * One status line on the terminal, rewritten as grading goes: the exercise, a symbol per finished
 * test, and the test now running. Cleared before the report is printed, so the report is the only
 * thing left on screen.
 */
final class LiveProgress implements GradingListener {
  private static final String CLEAR_LINE = "\r\u001b[2K";
  private final PrintWriter out;
  private final int columns;
  private final boolean colour;
  private final StringBuilder finished = new StringBuilder();
  private String exercise = "";
  private int total;
  private int done;

  LiveProgress(PrintWriter out, int columns, boolean colour) {
    this.out = out;
    this.columns = columns;
    this.colour = colour;
  }

  @Override
  public synchronized void exerciseStarted(String submissionId, ExerciseRubric rubric) {
    exercise = rubric.id() + " · " + rubric.title();
    total = rubric.tests().size();
    finished.setLength(0);
    done = 0;
    draw("starting");
  }

  @Override
  public synchronized void testStarted(String submissionId, String exerciseId, String testId, String name) {
    draw(name);
  }

  @Override
  public synchronized void testFinished(String submissionId, String exerciseId, TestResult result) {
    String symbol = TerminalReport.symbol(result.status());
    if (colour) {
      String code = result.status() == TestStatus.PASSED ? "32" : result.status() == TestStatus.TIMED_OUT ? "33" : "31";
      symbol = "\u001b[" + code + "m" + symbol + "\u001b[0m";
    }
    finished.append(symbol);
    done++;
    draw("");
  }

  @Override
  public synchronized void exerciseFinished(String submissionId, ExerciseResult result) {
    draw("done");
  }

  synchronized void clear() {
    out.print(CLEAR_LINE);
    out.flush();
  }

  private void draw(String activity) {
    String counts = total > 0 ? " [" + Math.min(done, total) + "/" + total + "] " : " ";
    String text = "Grading " + exercise + counts;
    String tail = activity.isEmpty() ? "" : " " + activity;
    int room = columns - 1 - text.length() - done;
    if (tail.length() > room) {
      tail = room > 2 ? tail.substring(0, room - 1) + "…" : "";
    }
    out.print(CLEAR_LINE + text + finished + tail);
    out.flush();
  }
}
