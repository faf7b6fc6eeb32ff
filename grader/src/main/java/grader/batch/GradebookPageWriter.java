package grader.batch;

import static grader.batch.Html.escape;
import static grader.batch.Html.num;
import static grader.batch.Html.percent;

import grader.report.Points;
import grader.scorecard.ExerciseResult;
import grader.scorecard.ExerciseStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the batch's {@code index.html}: a self-contained gradebook page (inline CSS, SVG and a
 * little JavaScript, nothing fetched) with the score distribution, per-exercise and per-test pass
 * rates, and a sortable, filterable table of students linking to each student's page.
 *
 * <p>The charts are SVG drawn here, so they show without JavaScript; the script only sorts and
 * filters the table. No timestamps: the same summary gives the same page.
 */
public final class GradebookPageWriter {
  static final int BINS = 10;
  private static final int CHART_WIDTH = 760;

  public String render(BatchSummary summary) {
    HtmlOut html = new HtmlOut(16_384);
    html.markup(Html.head("Gradebook: " + summary.students().size() + " submissions"));
    html.markup("<body>\n<main>\n<header>\n<h1>Gradebook</h1>\n");
    html.markup("<p class=\"sub\">Concurrency exercises: ")
        .markup(summary.exercises().stream().map(e -> escape(e.id())).reduce((a, b) -> a + ", " + b).orElse("none"))
        .markup("</p>\n");
    cards(html, summary);
    html.markup("</header>\n");
    histogram(html, summary);
    exercises(html, summary);
    tests(html, summary);
    table(html, summary);
    html.markup("</main>\n<script>\n").markup(SCRIPT).markup("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void cards(HtmlOut html, BatchSummary summary) {
    html.markup("<div class=\"cards\" id=\"totals\">\n");
    card(html, "students", String.valueOf(summary.students().size()));
    card(html, "graded", String.valueOf(summary.count(StudentStatus.GRADED)));
    card(html, "errors", String.valueOf(summary.count(StudentStatus.ERROR)));
    if (summary.count(StudentStatus.PENDING) > 0) {
      card(html, "pending", String.valueOf(summary.count(StudentStatus.PENDING)));
    }
    String max = Points.format(summary.maxScore());
    card(html, "mean", summary.mean().map(m -> Points.format(m) + " / " + max).orElse("–"));
    card(html, "median", summary.median().map(m -> Points.format(m) + " / " + max).orElse("–"));
    card(html, "full marks", String.valueOf(summary.fullMarks()));
    html.markup("</div>\n");
  }

  private static void card(HtmlOut html, String label, String value) {
    html.markup("<div class=\"card\"><b>").text(value).markup("</b><span>").text(label).markup("</span></div>\n");
  }

  /** Counts of totals per bin: bin i holds [i*max/BINS, (i+1)*max/BINS); full marks go in the last. */
  static int[] bins(List<BigDecimal> totals, BigDecimal max) {
    int[] counts = new int[BINS];
    if (max.signum() <= 0) {
      counts[0] = totals.size();
      return counts;
    }
    for (BigDecimal total : totals) {
      int bin = total.multiply(BigDecimal.valueOf(BINS)).divide(max, 0, RoundingMode.FLOOR).intValue();
      counts[Math.max(0, Math.min(BINS - 1, bin))]++;
    }
    return counts;
  }

  private static void histogram(HtmlOut html, BatchSummary summary) {
    html.markup("<section id=\"distribution\">\n<h2>Score distribution</h2>\n");
    List<BigDecimal> totals = summary.totals();
    if (totals.isEmpty()) {
      html.markup("<p class=\"note\">No scorecards yet.</p>\n</section>\n");
      return;
    }
    BigDecimal max = summary.maxScore();
    int[] counts = bins(totals, max);
    int top = 1;
    for (int c : counts) {
      top = Math.max(top, c);
    }
    int height = 260;
    int left = 44;
    int right = 16;
    int topPad = 22;
    int bottom = 40;
    double plotW = CHART_WIDTH - left - right;
    double plotH = height - topPad - bottom;
    double barW = plotW / BINS;
    html.markup("<svg id=\"histogram\" role=\"img\" viewBox=\"0 0 ").text(CHART_WIDTH).markup(' ').text(height)
        .markup("\" width=\"").text(CHART_WIDTH).markup("\" height=\"").text(height).markup("\">\n")
        .markup("<title>Number of students per score range, ").text(totals.size()).markup(" scorecards</title>\n");
    int step = Math.max(1, (int) Math.ceil(top / 5.0));
    for (int y = 0; y <= top; y += step) {
      double py = topPad + plotH - plotH * y / top;
      html.markup("<line class=\"axis\" x1=\"").text(left).markup("\" x2=\"").text(num(left + plotW))
          .markup("\" y1=\"").text(num(py)).markup("\" y2=\"").text(num(py)).markup("\"/>")
          .markup("<text class=\"muted\" x=\"").text(left - 6).markup("\" y=\"").text(num(py + 4))
          .markup("\" text-anchor=\"end\" font-size=\"11\">").text(y).markup("</text>\n");
    }
    for (int i = 0; i < BINS; i++) {
      double x = left + i * barW;
      double h = plotH * counts[i] / top;
      double y = topPad + plotH - h;
      String lo = Points.format(max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(BINS), 2, RoundingMode.HALF_EVEN));
      String hi = Points.format(max.multiply(BigDecimal.valueOf(i + 1)).divide(BigDecimal.valueOf(BINS), 2, RoundingMode.HALF_EVEN));
      String range = i == BINS - 1 ? lo + " to " + hi : lo + " to under " + hi;
      String fill = i == BINS - 1 ? "#1a7f37" : i < BINS / 2 ? "#cf222e" : "#0969da";
      html.markup("<g class=\"bin\" data-count=\"").text(counts[i]).markup("\"><title>").text(range).markup(": ")
          .text(counts[i]).markup(counts[i] == 1 ? " student" : " students").markup("</title>")
          .markup("<rect x=\"").text(num(x + 3)).markup("\" y=\"").text(num(y)).markup("\" width=\"").text(num(barW - 6))
          .markup("\" height=\"").text(num(h)).markup("\" rx=\"2\" fill=\"").text(fill).markup("\" fill-opacity=\"0.85\"/>");
      if (counts[i] > 0) {
        html.markup("<text x=\"").text(num(x + barW / 2)).markup("\" y=\"").text(num(y - 5))
            .markup("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\">").text(counts[i]).markup("</text>");
      }
      html.markup("</g>\n");
    }
    for (int i = 0; i <= BINS; i++) {
      double x = left + i * barW;
      String label = Points.format(max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(BINS), 1, RoundingMode.HALF_EVEN));
      html.markup("<text class=\"muted\" x=\"").text(num(x)).markup("\" y=\"").text(num(topPad + plotH + 16))
          .markup("\" text-anchor=\"middle\" font-size=\"11\">").text(label).markup("</text>");
    }
    html.markup("\n<text class=\"muted\" x=\"").text(num(left + plotW / 2)).markup("\" y=\"").text(height - 4)
        .markup("\" text-anchor=\"middle\" font-size=\"12\">total score (out of ").text(Points.format(max))
        .markup("; each bar includes its lower bound)</text>\n</svg>\n</section>\n");
  }

  private static void exercises(HtmlOut html, BatchSummary summary) {
    html.markup("<section id=\"exercises\">\n<h2>Exercises</h2>\n");
    if (summary.exercises().isEmpty()) {
      html.markup("<p class=\"note\">No scorecards yet.</p>\n</section>\n");
      return;
    }
    html.markup("<div class=\"legend\"><span><i style=\"background:#0969da\"></i>mean score</span>"
        + "<span><i style=\"background:#1a7f37\"></i>full marks</span></div>\n");
    int rowH = 46;
    int labelW = 210;
    int textW = 250;
    double barMax = CHART_WIDTH - labelW - textW;
    int height = rowH * summary.exercises().size() + 8;
    html.markup("<svg id=\"exercise-chart\" role=\"img\" viewBox=\"0 0 ").text(CHART_WIDTH).markup(' ').text(height)
        .markup("\" width=\"").text(CHART_WIDTH).markup("\" height=\"").text(height).markup("\">\n")
        .markup("<title>Mean score and share of full marks per exercise</title>\n");
    int row = 0;
    for (BatchSummary.ExerciseColumn column : summary.exercises()) {
      BatchSummary.ExerciseStatistics stats = summary.statistics(column);
      double meanFraction = stats.meanFraction();
      double fullFraction = stats.fullFraction();
      String mean = stats.mean().map(Points::format).orElse("–");
      int full = stats.fullMarks();
      int scored = stats.scored();
      int notGraded = stats.notGraded();
      double y = 4 + row * rowH;
      html.markup("<g class=\"exercise\" data-exercise=\"").text(column.id()).markup("\">")
          .markup("<text x=\"0\" y=\"").text(num(y + 16)).markup("\" font-size=\"13\" font-weight=\"600\">")
          .text(column.id()).markup("</text>")
          .markup("<text class=\"muted\" x=\"0\" y=\"").text(num(y + 32)).markup("\" font-size=\"11\">")
          .text(truncate(column.title(), 30)).markup("</text>")
          .markup("<rect x=\"").text(labelW).markup("\" y=\"").text(num(y + 4)).markup("\" width=\"").text(num(barMax))
          .markup("\" height=\"16\" rx=\"3\" fill=\"#eaeef2\"/>")
          .markup("<rect x=\"").text(labelW).markup("\" y=\"").text(num(y + 4)).markup("\" width=\"")
          .text(num(barMax * meanFraction)).markup("\" height=\"16\" rx=\"3\" fill=\"#0969da\"/>")
          .markup("<rect x=\"").text(labelW).markup("\" y=\"").text(num(y + 24)).markup("\" width=\"").text(num(barMax))
          .markup("\" height=\"8\" rx=\"2\" fill=\"#eaeef2\"/>")
          .markup("<rect x=\"").text(labelW).markup("\" y=\"").text(num(y + 24)).markup("\" width=\"")
          .text(num(barMax * fullFraction)).markup("\" height=\"8\" rx=\"2\" fill=\"#1a7f37\"/>")
          .markup("<text x=\"").text(num(labelW + barMax + 10)).markup("\" y=\"").text(num(y + 16)).markup("\" font-size=\"12\">")
          .markup("mean ").text(mean).markup(" / ").text(Points.format(column.maxScore()))
          .markup(" (").text(percent(meanFraction)).markup(")</text>")
          .markup("<text class=\"muted\" x=\"").text(num(labelW + barMax + 10)).markup("\" y=\"").text(num(y + 32))
          .markup("\" font-size=\"11\">full marks ").text(full).markup('/').text(scored)
          .markup(notGraded > 0 ? " · not gradable " + notGraded : "").markup("</text></g>\n");
      row++;
    }
    html.markup("</svg>\n</section>\n");
  }

  private static void tests(HtmlOut html, BatchSummary summary) {
    html.markup("<section id=\"tests\">\n<h2>Tests: pass rates</h2>\n");
    Map<String, List<BatchSummary.TestRate>> rates = summary.testRates();
    if (rates.values().stream().allMatch(List::isEmpty)) {
      html.markup("<p class=\"note\">No test results yet.</p>\n</section>\n");
      return;
    }
    html.markup("<p class=\"note\">Share of scorecards in which each test passed. A test almost nobody passes may be "
        + "a hard one, or a sign that the exercise text or the test needs a look.</p>\n");
    int rowH = 24;
    int labelW = 330;
    int textW = 120;
    double barMax = CHART_WIDTH - labelW - textW;
    for (BatchSummary.ExerciseColumn column : summary.exercises()) {
      List<BatchSummary.TestRate> list = rates.get(column.id());
      if (list == null || list.isEmpty()) {
        continue;
      }
      html.markup("<h3>").text(column.id()).markup(": ").text(column.title()).markup("</h3>\n");
      int height = rowH * list.size() + 4;
      html.markup("<svg class=\"test-chart\" data-exercise=\"").text(column.id()).markup("\" role=\"img\" viewBox=\"0 0 ")
          .text(CHART_WIDTH).markup(' ').text(height).markup("\" width=\"").text(CHART_WIDTH).markup("\" height=\"")
          .text(height).markup("\">\n<title>Pass rate per test of ").text(column.id()).markup("</title>\n");
      int row = 0;
      for (BatchSummary.TestRate rate : list) {
        double y = 2 + row * rowH;
        double fraction = rate.rate();
        String fill = fraction >= 0.8 ? "#1a7f37" : fraction >= 0.5 ? "#bf8700" : "#cf222e";
        html.markup("<g class=\"test\" data-test=\"").text(rate.id()).markup("\" data-passed=\"").text(rate.passed())
            .markup("\" data-total=\"").text(rate.total()).markup("\"><title>").text(rate.name()).markup(" (")
            .text(rate.id()).markup("): ").text(rate.passed()).markup(" of ").text(rate.total())
            .markup(" passed</title>")
            .markup("<text x=\"0\" y=\"").text(num(y + 14)).markup("\" font-size=\"12\">")
            .text(truncate(rate.name(), 50)).markup("</text>")
            .markup("<rect x=\"").text(labelW).markup("\" y=\"").text(num(y + 3)).markup("\" width=\"").text(num(barMax))
            .markup("\" height=\"14\" rx=\"3\" fill=\"#eaeef2\"/>")
            .markup("<rect x=\"").text(labelW).markup("\" y=\"").text(num(y + 3)).markup("\" width=\"")
            .text(num(barMax * fraction)).markup("\" height=\"14\" rx=\"3\" fill=\"").text(fill).markup("\"/>")
            .markup("<text x=\"").text(num(labelW + barMax + 8)).markup("\" y=\"").text(num(y + 14))
            .markup("\" font-size=\"12\">").text(percent(fraction)).markup(" (").text(rate.passed()).markup('/')
            .text(rate.total()).markup(")</text></g>\n");
        row++;
      }
      html.markup("</svg>\n");
    }
    html.markup("</section>\n");
  }

  private static void table(HtmlOut html, BatchSummary summary) {
    html.markup("<section id=\"students\">\n<h2>Students</h2>\n")
        .markup("<input class=\"filter\" id=\"filter\" type=\"search\" placeholder=\"Filter by student, status or message\" "
            + "aria-label=\"Filter students\">\n")
        .markup("<table id=\"students-table\">\n<thead><tr>")
        .markup("<th data-type=\"text\"><button type=\"button\">Student</button></th>")
        .markup("<th class=\"num\" data-type=\"num\"><button type=\"button\">Total</button></th>");
    for (BatchSummary.ExerciseColumn column : summary.exercises()) {
      html.markup("<th class=\"num\" data-type=\"num\" title=\"").text(column.title()).markup(" (max ")
          .text(Points.format(column.maxScore())).markup(")\"><button type=\"button\">").text(column.id())
          .markup("</button></th>");
    }
    html.markup("<th data-type=\"text\"><button type=\"button\">Status</button></th>")
        .markup("<th data-type=\"text\"><button type=\"button\">Message</button></th></tr></thead>\n<tbody>\n");
    for (StudentOutcome student : summary.students()) {
      String id = student.id();
      html.markup("<tr class=\"row-").text(student.status().id()).markup("\" data-id=\"").text(id).markup("\">")
          .markup("<td class=\"id\" data-sort=\"").text(id).markup("\"><a href=\"").text(id).markup("/index.html\">").text(id)
          .markup("</a></td>");
      if (student.scorecard() != null) {
        html.markup("<td class=\"num\" data-sort=\"").text(Points.format(student.scorecard().score())).markup("\">")
            .text(Points.format(student.scorecard().score())).markup(" / ")
            .text(Points.format(student.scorecard().maxScore())).markup("</td>");
      } else {
        html.markup("<td class=\"num\" data-sort=\"-1\">–</td>");
      }
      for (BatchSummary.ExerciseColumn column : summary.exercises()) {
        Optional<ExerciseResult> result = BatchSummary.exercise(student, column.id());
        if (result.isPresent()) {
          ExerciseResult e = result.get();
          html.markup("<td class=\"num\" data-sort=\"").text(Points.format(e.score())).markup("\"")
              .markup(e.status() == ExerciseStatus.GRADED ? "" : " title=\"" + escape(e.status().id()) + "\"").markup('>')
              .text(Points.format(e.score()))
              .markup(e.status() == ExerciseStatus.GRADED ? "" : " " + Html.statusBadge(e.status().id())).markup("</td>");
        } else {
          html.markup("<td class=\"num\" data-sort=\"-1\">–</td>");
        }
      }
      html.markup("<td data-sort=\"").text(student.status().id()).markup("\">").markup(Html.statusBadge(student.status().id()))
          .markup("</td><td data-sort=\"").text(student.entry().message()).markup("\">")
          .text(student.entry().message()).markup("</td></tr>\n");
    }
    html.markup("</tbody>\n</table>\n<p class=\"note\">Click a column header to sort; click a student for the feedback. "
        + "Rows in red could not be graded (the message says why); a rerun of the batch retries them.</p>\n</section>\n");
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static final String SCRIPT = """
      (function () {
        var table = document.getElementById('students-table');
        var body = table.tBodies[0];
        var headers = table.tHead.rows[0].cells;
        function key(row, i, type) {
          var v = row.cells[i].getAttribute('data-sort') || '';
          return type === 'num' ? parseFloat(v) : v.toLowerCase();
        }
        Array.prototype.forEach.call(headers, function (th, i) {
          th.querySelector('button').addEventListener('click', function () {
            var type = th.getAttribute('data-type');
            var asc = th.getAttribute('aria-sort') !== 'ascending';
            Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a, i, type), y = key(b, i, type);
              var c = x < y ? -1 : x > y ? 1 : 0;
              if (c === 0) { c = key(a, 0, 'text') < key(b, 0, 'text') ? -1 : 1; }
              return asc ? c : -c;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          });
        });
        // A link like index.html#sort=total:desc opens the table sorted that way.
        var wanted = /sort=([^:&]+)(?::(asc|desc))?/.exec(decodeURIComponent(location.hash));
        if (wanted) {
          Array.prototype.forEach.call(headers, function (th) {
            if (th.textContent.trim().toLowerCase() === wanted[1].toLowerCase()) {
              var button = th.querySelector('button');
              button.click();
              if (wanted[2] === 'desc') { button.click(); }
            }
          });
        }
        document.getElementById('filter').addEventListener('input', function (e) {
          var q = e.target.value.toLowerCase();
          Array.prototype.forEach.call(body.rows, function (r) {
            r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
          });
        });
      })();
      """;
}
