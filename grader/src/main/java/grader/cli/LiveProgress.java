package grader.cli;

import grader.grading.GradingListener;
import grader.report.TerminalReport;
import grader.report.TerminalText;
import grader.rubric.ExerciseRubric;
import grader.scorecard.ExerciseResult;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.io.PrintWriter;

/**
 * Progress while grading. On a terminal: one status line, rewritten as grading goes (the exercise,
 * a symbol per finished test, the test now running), cleared before the report is printed so the
 * report is the only thing left on screen. Elsewhere (an IDE console, a CI log): one plain line per
 * exercise as it starts, so a long run visibly moves.
 */
final class LiveProgress implements GradingListener {
  private static final String CLEAR_LINE = "\r\u001b[2K";
  private final PrintWriter out;
  private final int columns;
  private final boolean colour;
  private final boolean redraw;
  private final StringBuilder finished = new StringBuilder();
  private String exercise = "";
  private int total;
  private int done;

  private LiveProgress(PrintWriter out, int columns, boolean colour, boolean redraw) {
    this.out = out;
    this.columns = columns;
    this.colour = colour;
    this.redraw = redraw;
  }

  /** The status line of a terminal {@code columns} wide. */
  static LiveProgress onTerminal(PrintWriter out, int columns, boolean colour) {
    return new LiveProgress(out, columns, colour, true);
  }

  /** One line per exercise, for output that is not a terminal. */
  static LiveProgress plain(PrintWriter out) {
    return new LiveProgress(out, Integer.MAX_VALUE, false, false);
  }

  @Override
  public synchronized void exerciseStarted(String submissionId, ExerciseRubric rubric) {
    exercise = TerminalText.line(rubric.id() + " · " + rubric.title());
    total = rubric.tests().size();
    finished.setLength(0);
    done = 0;
    if (!redraw) {
      out.println("Grading " + exercise + " ...");
      out.flush();
      return;
    }
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
    if (redraw) {
      out.print(CLEAR_LINE);
    } else {
      out.println();
    }
    out.flush();
  }

  private void draw(String activity) {
    if (!redraw) {
      return;
    }
    String counts = total > 0 ? " [" + Math.min(done, total) + "/" + total + "] " : " ";
    String text = "Grading " + exercise + counts;
    String tail = activity.isEmpty() ? "" : " " + TerminalText.line(activity);
    int room = columns - 1 - text.length() - done;
    if (tail.length() > room) {
      tail = room > 2 ? tail.substring(0, room - 1) + "…" : "";
    }
    out.print(CLEAR_LINE + text + finished + tail);
    out.flush();
  }
}
