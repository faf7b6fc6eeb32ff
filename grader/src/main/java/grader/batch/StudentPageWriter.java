package grader.batch;

import static grader.batch.Html.escape;

import grader.report.Points;
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
    HtmlOut html = new HtmlOut(8192);
    Scorecard card = outcome.scorecard();
    html.markup(Html.head(outcome.id() + (card == null ? ": " + outcome.status().id()
        : ": " + Points.format(card.score()) + " / " + Points.format(card.maxScore()))));
    html.markup("<body>\n<main>\n<p><a href=\"../index.html\">&larr; Gradebook</a></p>\n<header>\n<h1 id=\"student\">")
        .text(outcome.id()).markup("</h1>\n<p class=\"sub\">from <code>").text(outcome.entry().source())
        .markup("</code> &middot; ").markup(Html.statusBadge(outcome.status().id())).markup("</p>\n");
    if (card != null) {
      html.markup("<div class=\"cards\"><div class=\"card\"><b id=\"score\">").text(Points.format(card.score()))
          .markup(" / ").text(Points.format(card.maxScore())).markup("</b><span>score</span></div>");
      for (ExerciseResult exercise : card.exercises()) {
        html.markup("<div class=\"card\"><b>").text(Points.format(exercise.score())).markup(" / ")
            .text(Points.format(exercise.maxScore())).markup("</b><span>").text(exercise.id()).markup("</span></div>");
      }
      html.markup("</div>\n");
    }
    html.markup("</header>\n");
    if (!outcome.entry().message().isEmpty()) {
      html.markup("<p class=\"").markup(card == null ? "problem" : "attention").markup("\" id=\"problem\">").text(outcome.entry().message()).markup("</p>\n");
    }
    if (card != null) {
      meta(html, outcome, card);
      if (!card.warnings().isEmpty()) {
        html.markup("<h2>Warnings</h2>\n<ul id=\"warnings\">\n");
        card.warnings().forEach(w -> html.markup("<li class=\"msg\">").text(w).markup("</li>\n"));
        html.markup("</ul>\n");
      }
      for (ExerciseResult exercise : card.exercises()) {
        exercise(html, exercise);
      }
    }
    html.markup("<h2>Grading log</h2>\n<details><summary>Show the grader's log for this submission</summary>\n<pre class=\"log msg\">")
        .text(log).markup("</pre></details>\n</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void meta(HtmlOut html, StudentOutcome outcome, Scorecard card) {
    GraderInfo grader = card.grader();
    html.markup("<h2>Graded by</h2>\n<dl class=\"meta\" id=\"graded-by\">\n");
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
    html.markup("</dl>\n");
  }

  private static void dt(HtmlOut html, String term, String value) {
    html.markup("<dt>").text(term).markup("</dt><dd>")
        .markup(value == null || value.isEmpty() ? "<span class=\"note\">(not recorded)</span>" : escape(value)).markup("</dd>\n");
  }

  private static void exercise(HtmlOut html, ExerciseResult exercise) {
    html.markup("<section class=\"exercise\" id=\"ex-").text(exercise.id()).markup("\">\n<h2>")
        .text(exercise.title() == null ? exercise.id() : exercise.title()).markup(" <span class=\"note\">(")
        .text(exercise.id()).markup(")</span> &middot; ").text(Points.format(exercise.score())).markup(" / ")
        .text(Points.format(exercise.maxScore())).markup(' ').markup(Html.statusBadge(exercise.status().id())).markup("</h2>\n");
    if (exercise.message() != null && !exercise.message().isEmpty()) {
      html.markup("<p class=\"msg\">").text(exercise.message()).markup("</p>\n");
    }
    if (!exercise.diagnostics().isEmpty()) {
      html.markup("<table class=\"diagnostics\"><thead><tr><th>Where</th><th>Kind</th><th>Compiler says</th></tr></thead><tbody>\n");
      for (Diagnostic d : exercise.diagnostics()) {
        html.markup("<tr><td class=\"msg\">").text(d.file()).markup(':').text(d.line()).markup(':').text(d.column())
            .markup("</td><td>").text(d.kind()).markup("</td><td class=\"msg\">").text(d.message())
            .markup("</td></tr>\n");
      }
      html.markup("</tbody></table>\n");
    }
    if (exercise.tests().isEmpty()) {
      return;
    }
    html.markup("<table class=\"tests\"><thead><tr><th>Test</th><th>Status</th><th class=\"num\">Points</th><th>Feedback</th></tr></thead><tbody>\n");
    for (TestResult test : exercise.tests()) {
      html.markup("<tr class=\"test\" data-test=\"").text(test.id()).markup("\" data-status=\"").text(test.status().id())
          .markup("\"><td>").text(test.name() == null ? test.id() : test.name()).markup("<br><span class=\"note\">")
          .text(test.id()).markup(test.review() ? " &middot; human review" : "").markup("</span></td><td>")
          .markup(Html.statusBadge(test.status().id())).markup("</td><td class=\"num\">").text(Points.format(test.score()))
          .markup(" / ").text(Points.format(test.maxScore())).markup("</td><td>");
      if (test.message() != null && !test.message().isEmpty()) {
        html.markup("<p class=\"msg\">").text(test.message()).markup("</p>");
      }
      if (!test.measurements().isEmpty()) {
        html.markup("<p class=\"note\">");
        new TreeMap<>(test.measurements()).forEach((k, v) -> html.text(k).markup(" = ").text(v).markup("<br>"));
        html.markup("</p>");
      }
      if (test.output() != null && !test.output().isEmpty()) {
        html.markup("<details><summary>output</summary><pre class=\"log msg\">").text(test.output()).markup("</pre></details>");
      }
      // The picture is the grader's own SVG, written by StAX, which escapes every text it holds.
      TimelineSvg.of(exercise.id(), test).ifPresent(svg -> html.markup("<figure class=\"timeline\">").markup(svg).markup("</figure>"));
      html.markup("</td></tr>\n");
    }
    html.markup("</tbody></table>\n</section>\n");
  }
}
