package grader.report;

import grader.report.timeline.TimelineProfile;
import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import grader.scorecard.TestStatus;
import java.util.List;
import java.util.Optional;

/**
 * The report a student reads after {@code make check}: per exercise a header with its score, one
 * line per test with a symbol, the points and the name, and under each test that did not pass its
 * feedback, indented. ANSI colour only when asked for (the CLI asks on a terminal without {@code
 * NO_COLOR}); otherwise plain text, e.g. for a CI log.
 */
public final class TerminalReport implements ScorecardRenderer {
  /** Where the score of an exercise header ends. */
  static final int WIDTH = 76;
  private static final int MAX_DIAGNOSTICS_SHOWN = 10;

  private final Style style;

  /** @param colour whether to colour with ANSI escape sequences */
  public TerminalReport(boolean colour) {
    this.style = colour ? Style.ANSI : Style.PLAIN;
  }

  @Override
  public String render(Scorecard scorecard) {
    StringBuilder out = new StringBuilder();
    out.append(style.bold("Submission " + printable(scorecard.submission().id())))
        .append(style.dim(" · sha256 " + ReportText.abbreviate(scorecard.submission().sha256()) + " · isolation: "
            + scorecard.isolation().id() + " · graded in " + Points.duration(scorecard.durationMs())))
        .append('\n');
    for (ExerciseResult exercise : scorecard.exercises()) {
      out.append('\n');
      exercise(out, exercise);
    }
    if (!scorecard.warnings().isEmpty()) {
      out.append('\n').append(style.yellow("Warnings:")).append('\n');
      for (String warning : scorecard.warnings()) {
        out.append(indent("! " + warning, "  ", "    ")).append('\n');
      }
    }
    out.append('\n')
        .append(style.bold("Total: " + Points.of(scorecard.score(), scorecard.maxScore())))
        .append('\n');
    if (scorecard.heldBackPoints() != null) {
      out.append(ReportText.heldBack(scorecard)).append('\n');
    }
    return out.toString();
  }

  private void exercise(StringBuilder out, ExerciseResult exercise) {
    String title = TerminalText.line(exercise.id() + " · " + exercise.title());
    String status = exercise.status() == ExerciseStatus.GRADED ? "" : ReportText.label(exercise.status()) + "   ";
    String score = Points.of(exercise.score(), exercise.maxScore());
    int gap = Math.max(1, WIDTH - title.length() - status.length() - score.length());
    out.append(style.bold(title)).append(" ".repeat(gap));
    if (!status.isEmpty()) {
      out.append(style.red(status));
    }
    out.append(scoreColour(exercise, score)).append('\n');
    if (exercise.message() != null && !exercise.message().isBlank()) {
      out.append(indent(exercise.message(), "  ", "  ")).append('\n');
    }
    List<Diagnostic> diagnostics = exercise.diagnostics();
    for (Diagnostic d : diagnostics.subList(0, Math.min(MAX_DIAGNOSTICS_SHOWN, diagnostics.size()))) {
      out.append(style.dim(indent(ReportText.location(d) + d.kind() + ": " + d.message(), "  ", "      "))).append('\n');
    }
    if (diagnostics.size() > MAX_DIAGNOSTICS_SHOWN) {
      out.append(style.dim("  ... and " + (diagnostics.size() - MAX_DIAGNOSTICS_SHOWN) + " more in the scorecard"))
          .append('\n');
    }
    int pointsWidth = exercise.tests().stream().mapToInt(t -> Points.of(t.score(), t.maxScore()).length()).max().orElse(0);
    String feedbackIndent = " ".repeat(2 + 1 + 2 + pointsWidth + 2);
    Optional<SkeletonFeedback> skeleton = SkeletonFeedback.of(exercise);
    skeleton.ifPresent(s -> out.append(style.dim(indent(s.heading() + "\n" + s.trace(), "  ", "    "))).append('\n'));
    for (TestResult test : exercise.tests()) {
      String points = Points.of(test.score(), test.maxScore());
      out.append("  ").append(colouredSymbol(test.status())).append("  ")
          .append(points).append(" ".repeat(pointsWidth - points.length())).append("  ")
          .append(TerminalText.line(test.name()));
      if (test.review()) {
        out.append(style.dim("  [also read by a person]"));
      }
      out.append('\n');
      TimelineProfile.line(test.timeline()).ifPresent(line -> out.append(style.dim(feedbackIndent + line)).append('\n'));
      if (test.status() != TestStatus.PASSED && !skeleton.map(s -> s.testIds().contains(test.id())).orElse(false)) {
        feedback(out, exercise, test, feedbackIndent);
      }
    }
  }

  private void feedback(StringBuilder out, ExerciseResult exercise, TestResult test, String indent) {
    boolean sameAsExercise = test.message() != null && test.message().equals(exercise.message());
    if (test.message() != null && !test.message().isBlank() && !sameAsExercise) {
      out.append(style.dim(indent(test.message(), indent, indent))).append('\n');
    }
    if (!test.measurements().isEmpty()) {
      out.append(style.dim(indent + "measured: " + TerminalText.line(ReportText.measurements(test.measurements())))).append('\n');
    }
  }

  private String colouredSymbol(TestStatus status) {
    String symbol = symbol(status);
    switch (status) {
      case PASSED:
        return style.green(symbol);
      case TIMED_OUT:
        return style.yellow(symbol);
      case NOT_RUN:
        return style.dim(symbol);
      default:
        return style.red(symbol);
    }
  }

  /** The symbol of a test outcome: ✔ passed, ✘ failed or error, ⏱ timed out, – not run. */
  public static String symbol(TestStatus status) {
    switch (status) {
      case PASSED:
        return "✔";
      case TIMED_OUT:
        return "⏱";
      case NOT_RUN:
        return "–";
      case ERROR:
      case FAILED:
      default:
        return "✘";
    }
  }

  private String scoreColour(ExerciseResult exercise, String score) {
    int sign = exercise.score().compareTo(exercise.maxScore());
    if (sign >= 0) {
      return style.green(score);
    }
    return exercise.score().signum() == 0 ? style.red(score) : style.yellow(score);
  }

  /** {@code first} before the first line, {@code rest} before every other; trailing blanks removed. */
  static String indent(String text, String first, String rest) {
    List<String> lines = printable(text).strip().lines().map(String::stripTrailing).toList();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(lines.get(i).isEmpty() ? "" : (i == 0 ? first : rest) + lines.get(i));
    }
    return out.toString();
  }

  /**
   * Messages can quote what student code said: control characters (escape sequences that could
   * move the cursor or fake a line of this report) are shown as {@code ?}.
   */
  static String printable(String text) {
    return TerminalText.sanitize(text);
  }

  /** With or without ANSI escape sequences. */
  private enum Style {
    PLAIN,
    ANSI;

    String bold(String s) {
      return wrap("1", s);
    }

    String dim(String s) {
      return wrap("2", s);
    }

    String red(String s) {
      return wrap("31", s);
    }

    String green(String s) {
      return wrap("32", s);
    }

    String yellow(String s) {
      return wrap("33", s);
    }

    private String wrap(String code, String s) {
      return this == PLAIN || s.isEmpty() ? s : "\u001b[" + code + "m" + s + "\u001b[0m";
    }
  }
}
