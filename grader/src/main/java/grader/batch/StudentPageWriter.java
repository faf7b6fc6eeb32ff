package grader.batch;

import static grader.batch.Html.escape;

import grader.report.timeline.TimelineSvg;
import grader.scorecard.Diagnostic;
import grader.scorecard.ExerciseResult;
import grader.scorecard.GraderInfo;
import grader.scorecard.Scorecard;
import grader.scorecard.TestResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders one student's page, {@code OUT/<id>/index.html}: score, what graded it, and per exercise
 * every test's status, points and feedback message, with the captured grading log at the end.
 * Self-contained like the gradebook page.
 */
public final class StudentPageWriter {
  public String render(StudentOutcome outcome, String log) {
    StringBuilder html = new StringBuilder(8192);
    Scorecard card = outcome.scorecard();
    html.append(Html.head(outcome.id() + (card == null ? ": " + outcome.status().id()
        : ": " + BatchSummary.format(card.score()) + " / " + BatchSummary.format(card.maxScore()))));
    html.append("<body>\n<main>\n<p><a href=\"../index.html\">&larr; Gradebook</a></p>\n<header>\n<h1 id=\"student\">")
        .append(escape(outcome.id())).append("</h1>\n<p class=\"sub\">from <code>").append(escape(outcome.entry().source()))
        .append("</code> &middot; ").append(Html.statusBadge(outcome.status().id())).append("</p>\n");
    if (card != null) {
      html.append("<div class=\"cards\"><div class=\"card\"><b id=\"score\">").append(BatchSummary.format(card.score()))
          .append(" / ").append(BatchSummary.format(card.maxScore())).append("</b><span>score</span></div>");
      for (ExerciseResult exercise : card.exercises()) {
        html.append("<div class=\"card\"><b>").append(BatchSummary.format(exercise.score())).append(" / ")
            .append(BatchSummary.format(exercise.maxScore())).append("</b><span>").append(escape(exercise.id())).append("</span></div>");
      }
      html.append("</div>\n");
    }
    html.append("</header>\n");
    if (!outcome.entry().message().isEmpty()) {
      html.append("<p class=\"").append(card == null ? "problem" : "attention").append("\" id=\"problem\">").append(escape(outcome.entry().message())).append("</p>\n");
    }
    if (card != null) {
      meta(html, outcome, card);
      if (!card.warnings().isEmpty()) {
        html.append("<h2>Warnings</h2>\n<ul id=\"warnings\">\n");
        card.warnings().forEach(w -> html.append("<li class=\"msg\">").append(escape(w)).append("</li>\n"));
        html.append("</ul>\n");
      }
      for (ExerciseResult exercise : card.exercises()) {
        exercise(html, exercise);
      }
    }
    html.append("<h2>Grading log</h2>\n<details><summary>Show the grader's log for this submission</summary>\n<pre class=\"log msg\">")
        .append(escape(log)).append("</pre></details>\n</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void meta(StringBuilder html, StudentOutcome outcome, Scorecard card) {
    GraderInfo grader = card.grader();
    html.append("<h2>Graded by</h2>\n<dl class=\"meta\" id=\"graded-by\">\n");
    dt(html, "grader version", grader.version());
    dt(html, "suite hash", grader.suiteHash());
    dt(html, "java", grader.java());
    dt(html, "isolation", card.isolation().id());
    Map<String, String> limits = new TreeMap<>(grader.limits());
    StringBuilder l = new StringBuilder();
    limits.forEach((k, v) -> l.append(l.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    dt(html, "limits", l.toString());
    dt(html, "submission sha256", card.submission().sha256());
    dt(html, "batch input sha256", outcome.entry().inputSha256());
    dt(html, "grading time", String.format(java.util.Locale.ROOT, "%.1f s", card.durationMs() / 1000.0));
    html.append("</dl>\n");
  }

  private static void dt(StringBuilder html, String term, String value) {
    html.append("<dt>").append(escape(term)).append("</dt><dd>")
        .append(value == null || value.isEmpty() ? "<span class=\"note\">(not recorded)</span>" : escape(value)).append("</dd>\n");
  }

  private static void exercise(StringBuilder html, ExerciseResult exercise) {
    html.append("<section class=\"exercise\" id=\"ex-").append(escape(exercise.id())).append("\">\n<h2>")
        .append(escape(exercise.title() == null ? exercise.id() : exercise.title())).append(" <span class=\"note\">(")
        .append(escape(exercise.id())).append(")</span> &middot; ").append(BatchSummary.format(exercise.score())).append(" / ")
        .append(BatchSummary.format(exercise.maxScore())).append(' ').append(Html.statusBadge(exercise.status().id())).append("</h2>\n");
    if (exercise.message() != null && !exercise.message().isEmpty()) {
      html.append("<p class=\"msg\">").append(escape(exercise.message())).append("</p>\n");
    }
    if (!exercise.diagnostics().isEmpty()) {
      html.append("<table class=\"diagnostics\"><thead><tr><th>Where</th><th>Kind</th><th>Compiler says</th></tr></thead><tbody>\n");
      for (Diagnostic d : exercise.diagnostics()) {
        html.append("<tr><td class=\"msg\">").append(escape(d.file())).append(':').append(d.line()).append(':').append(d.column())
            .append("</td><td>").append(escape(d.kind())).append("</td><td class=\"msg\">").append(escape(d.message()))
            .append("</td></tr>\n");
      }
      html.append("</tbody></table>\n");
    }
    if (exercise.tests().isEmpty()) {
      return;
    }
    html.append("<table class=\"tests\"><thead><tr><th>Test</th><th>Status</th><th class=\"num\">Points</th><th>Feedback</th></tr></thead><tbody>\n");
    for (TestResult test : exercise.tests()) {
      html.append("<tr class=\"test\" data-test=\"").append(escape(test.id())).append("\" data-status=\"").append(test.status().id())
          .append("\"><td>").append(escape(test.name() == null ? test.id() : test.name())).append("<br><span class=\"note\">")
          .append(escape(test.id())).append(test.review() ? " &middot; human review" : "").append("</span></td><td>")
          .append(Html.statusBadge(test.status().id())).append("</td><td class=\"num\">").append(BatchSummary.format(test.score()))
          .append(" / ").append(BatchSummary.format(test.maxScore())).append("</td><td>");
      if (test.message() != null && !test.message().isEmpty()) {
        html.append("<p class=\"msg\">").append(escape(test.message())).append("</p>");
      }
      if (!test.measurements().isEmpty()) {
        html.append("<p class=\"note\">");
        new TreeMap<>(test.measurements()).forEach((k, v) -> html.append(escape(k)).append(" = ").append(escape(v)).append("<br>"));
        html.append("</p>");
      }
      if (test.output() != null && !test.output().isEmpty()) {
        html.append("<details><summary>output</summary><pre class=\"log msg\">").append(escape(test.output())).append("</pre></details>");
      }
      TimelineSvg.of(exercise.id(), test).ifPresent(svg -> html.append("<figure class=\"timeline\">").append(svg).append("</figure>"));
      html.append("</td></tr>\n");
    }
    html.append("</tbody></table>\n</section>\n");
  }
}
