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
    StringBuilder html = new StringBuilder(16_384);
    html.append(Html.head("Gradebook: " + summary.students().size() + " submissions"));
    html.append("<body>\n<main>\n<header>\n<h1>Gradebook</h1>\n");
    html.append("<p class=\"sub\">Concurrency exercises: ")
        .append(summary.exercises().stream().map(e -> escape(e.id())).reduce((a, b) -> a + ", " + b).orElse("none"))
        .append("</p>\n");
    cards(html, summary);
    html.append("</header>\n");
    histogram(html, summary);
    exercises(html, summary);
    tests(html, summary);
    table(html, summary);
    html.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void cards(StringBuilder html, BatchSummary summary) {
    html.append("<div class=\"cards\" id=\"totals\">\n");
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
    html.append("</div>\n");
  }

  private static void card(StringBuilder html, String label, String value) {
    html.append("<div class=\"card\"><b>").append(escape(value)).append("</b><span>").append(escape(label)).append("</span></div>\n");
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

  private static void histogram(StringBuilder html, BatchSummary summary) {
    html.append("<section id=\"distribution\">\n<h2>Score distribution</h2>\n");
    List<BigDecimal> totals = summary.totals();
    if (totals.isEmpty()) {
      html.append("<p class=\"note\">No scorecards yet.</p>\n</section>\n");
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
    html.append("<svg id=\"histogram\" role=\"img\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
        .append("\" width=\"").append(CHART_WIDTH).append("\" height=\"").append(height).append("\">\n")
        .append("<title>Number of students per score range, ").append(totals.size()).append(" scorecards</title>\n");
    int step = Math.max(1, (int) Math.ceil(top / 5.0));
    for (int y = 0; y <= top; y += step) {
      double py = topPad + plotH - plotH * y / top;
      html.append("<line class=\"axis\" x1=\"").append(left).append("\" x2=\"").append(num(left + plotW))
          .append("\" y1=\"").append(num(py)).append("\" y2=\"").append(num(py)).append("\"/>")
          .append("<text class=\"muted\" x=\"").append(left - 6).append("\" y=\"").append(num(py + 4))
          .append("\" text-anchor=\"end\" font-size=\"11\">").append(y).append("</text>\n");
    }
    for (int i = 0; i < BINS; i++) {
      double x = left + i * barW;
      double h = plotH * counts[i] / top;
      double y = topPad + plotH - h;
      String lo = Points.format(max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(BINS), 2, RoundingMode.HALF_EVEN));
      String hi = Points.format(max.multiply(BigDecimal.valueOf(i + 1)).divide(BigDecimal.valueOf(BINS), 2, RoundingMode.HALF_EVEN));
      String range = i == BINS - 1 ? lo + " to " + hi : lo + " to under " + hi;
      String fill = i == BINS - 1 ? "#1a7f37" : i < BINS / 2 ? "#cf222e" : "#0969da";
      html.append("<g class=\"bin\" data-count=\"").append(counts[i]).append("\"><title>").append(escape(range)).append(": ")
          .append(counts[i]).append(counts[i] == 1 ? " student" : " students").append("</title>")
          .append("<rect x=\"").append(num(x + 3)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(barW - 6))
          .append("\" height=\"").append(num(h)).append("\" rx=\"2\" fill=\"").append(fill).append("\" fill-opacity=\"0.85\"/>");
      if (counts[i] > 0) {
        html.append("<text x=\"").append(num(x + barW / 2)).append("\" y=\"").append(num(y - 5))
            .append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\">").append(counts[i]).append("</text>");
      }
      html.append("</g>\n");
    }
    for (int i = 0; i <= BINS; i++) {
      double x = left + i * barW;
      String label = Points.format(max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(BINS), 1, RoundingMode.HALF_EVEN));
      html.append("<text class=\"muted\" x=\"").append(num(x)).append("\" y=\"").append(num(topPad + plotH + 16))
          .append("\" text-anchor=\"middle\" font-size=\"11\">").append(label).append("</text>");
    }
    html.append("\n<text class=\"muted\" x=\"").append(num(left + plotW / 2)).append("\" y=\"").append(height - 4)
        .append("\" text-anchor=\"middle\" font-size=\"12\">total score (out of ").append(Points.format(max))
        .append("; each bar includes its lower bound)</text>\n</svg>\n</section>\n");
  }

  private static void exercises(StringBuilder html, BatchSummary summary) {
    html.append("<section id=\"exercises\">\n<h2>Exercises</h2>\n");
    if (summary.exercises().isEmpty()) {
      html.append("<p class=\"note\">No scorecards yet.</p>\n</section>\n");
      return;
    }
    html.append("<div class=\"legend\"><span><i style=\"background:#0969da\"></i>mean score</span>"
        + "<span><i style=\"background:#1a7f37\"></i>full marks</span></div>\n");
    int rowH = 46;
    int labelW = 210;
    int textW = 250;
    double barMax = CHART_WIDTH - labelW - textW;
    int height = rowH * summary.exercises().size() + 8;
    html.append("<svg id=\"exercise-chart\" role=\"img\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
        .append("\" width=\"").append(CHART_WIDTH).append("\" height=\"").append(height).append("\">\n")
        .append("<title>Mean score and share of full marks per exercise</title>\n");
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
      html.append("<g class=\"exercise\" data-exercise=\"").append(escape(column.id())).append("\">")
          .append("<text x=\"0\" y=\"").append(num(y + 16)).append("\" font-size=\"13\" font-weight=\"600\">")
          .append(escape(column.id())).append("</text>")
          .append("<text class=\"muted\" x=\"0\" y=\"").append(num(y + 32)).append("\" font-size=\"11\">")
          .append(escape(truncate(column.title(), 30))).append("</text>")
          .append("<rect x=\"").append(labelW).append("\" y=\"").append(num(y + 4)).append("\" width=\"").append(num(barMax))
          .append("\" height=\"16\" rx=\"3\" fill=\"#eaeef2\"/>")
          .append("<rect x=\"").append(labelW).append("\" y=\"").append(num(y + 4)).append("\" width=\"")
          .append(num(barMax * meanFraction)).append("\" height=\"16\" rx=\"3\" fill=\"#0969da\"/>")
          .append("<rect x=\"").append(labelW).append("\" y=\"").append(num(y + 24)).append("\" width=\"").append(num(barMax))
          .append("\" height=\"8\" rx=\"2\" fill=\"#eaeef2\"/>")
          .append("<rect x=\"").append(labelW).append("\" y=\"").append(num(y + 24)).append("\" width=\"")
          .append(num(barMax * fullFraction)).append("\" height=\"8\" rx=\"2\" fill=\"#1a7f37\"/>")
          .append("<text x=\"").append(num(labelW + barMax + 10)).append("\" y=\"").append(num(y + 16)).append("\" font-size=\"12\">")
          .append("mean ").append(mean).append(" / ").append(Points.format(column.maxScore()))
          .append(" (").append(percent(meanFraction)).append(")</text>")
          .append("<text class=\"muted\" x=\"").append(num(labelW + barMax + 10)).append("\" y=\"").append(num(y + 32))
          .append("\" font-size=\"11\">full marks ").append(full).append('/').append(scored)
          .append(notGraded > 0 ? " · not gradable " + notGraded : "").append("</text></g>\n");
      row++;
    }
    html.append("</svg>\n</section>\n");
  }

  private static void tests(StringBuilder html, BatchSummary summary) {
    html.append("<section id=\"tests\">\n<h2>Tests: pass rates</h2>\n");
    Map<String, List<BatchSummary.TestRate>> rates = summary.testRates();
    if (rates.values().stream().allMatch(List::isEmpty)) {
      html.append("<p class=\"note\">No test results yet.</p>\n</section>\n");
      return;
    }
    html.append("<p class=\"note\">Share of scorecards in which each test passed. A test almost nobody passes may be "
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
      html.append("<h3>").append(escape(column.id())).append(": ").append(escape(column.title())).append("</h3>\n");
      int height = rowH * list.size() + 4;
      html.append("<svg class=\"test-chart\" data-exercise=\"").append(escape(column.id())).append("\" role=\"img\" viewBox=\"0 0 ")
          .append(CHART_WIDTH).append(' ').append(height).append("\" width=\"").append(CHART_WIDTH).append("\" height=\"")
          .append(height).append("\">\n<title>Pass rate per test of ").append(escape(column.id())).append("</title>\n");
      int row = 0;
      for (BatchSummary.TestRate rate : list) {
        double y = 2 + row * rowH;
        double fraction = rate.rate();
        String fill = fraction >= 0.8 ? "#1a7f37" : fraction >= 0.5 ? "#bf8700" : "#cf222e";
        html.append("<g class=\"test\" data-test=\"").append(escape(rate.id())).append("\" data-passed=\"").append(rate.passed())
            .append("\" data-total=\"").append(rate.total()).append("\"><title>").append(escape(rate.name())).append(" (")
            .append(escape(rate.id())).append("): ").append(rate.passed()).append(" of ").append(rate.total())
            .append(" passed</title>")
            .append("<text x=\"0\" y=\"").append(num(y + 14)).append("\" font-size=\"12\">")
            .append(escape(truncate(rate.name(), 50))).append("</text>")
            .append("<rect x=\"").append(labelW).append("\" y=\"").append(num(y + 3)).append("\" width=\"").append(num(barMax))
            .append("\" height=\"14\" rx=\"3\" fill=\"#eaeef2\"/>")
            .append("<rect x=\"").append(labelW).append("\" y=\"").append(num(y + 3)).append("\" width=\"")
            .append(num(barMax * fraction)).append("\" height=\"14\" rx=\"3\" fill=\"").append(fill).append("\"/>")
            .append("<text x=\"").append(num(labelW + barMax + 8)).append("\" y=\"").append(num(y + 14))
            .append("\" font-size=\"12\">").append(percent(fraction)).append(" (").append(rate.passed()).append('/')
            .append(rate.total()).append(")</text></g>\n");
        row++;
      }
      html.append("</svg>\n");
    }
    html.append("</section>\n");
  }

  private static void table(StringBuilder html, BatchSummary summary) {
    html.append("<section id=\"students\">\n<h2>Students</h2>\n")
        .append("<input class=\"filter\" id=\"filter\" type=\"search\" placeholder=\"Filter by student, status or message\" "
            + "aria-label=\"Filter students\">\n")
        .append("<table id=\"students-table\">\n<thead><tr>")
        .append("<th data-type=\"text\"><button type=\"button\">Student</button></th>")
        .append("<th class=\"num\" data-type=\"num\"><button type=\"button\">Total</button></th>");
    for (BatchSummary.ExerciseColumn column : summary.exercises()) {
      html.append("<th class=\"num\" data-type=\"num\" title=\"").append(escape(column.title())).append(" (max ")
          .append(Points.format(column.maxScore())).append(")\"><button type=\"button\">").append(escape(column.id()))
          .append("</button></th>");
    }
    html.append("<th data-type=\"text\"><button type=\"button\">Status</button></th>")
        .append("<th data-type=\"text\"><button type=\"button\">Message</button></th></tr></thead>\n<tbody>\n");
    for (StudentOutcome student : summary.students()) {
      String id = escape(student.id());
      html.append("<tr class=\"row-").append(student.status().id()).append("\" data-id=\"").append(id).append("\">")
          .append("<td class=\"id\" data-sort=\"").append(id).append("\"><a href=\"").append(id).append("/index.html\">").append(id)
          .append("</a></td>");
      if (student.scorecard() != null) {
        html.append("<td class=\"num\" data-sort=\"").append(Points.format(student.scorecard().score())).append("\">")
            .append(Points.format(student.scorecard().score())).append(" / ")
            .append(Points.format(student.scorecard().maxScore())).append("</td>");
      } else {
        html.append("<td class=\"num\" data-sort=\"-1\">–</td>");
      }
      for (BatchSummary.ExerciseColumn column : summary.exercises()) {
        Optional<ExerciseResult> result = BatchSummary.exercise(student, column.id());
        if (result.isPresent()) {
          ExerciseResult e = result.get();
          html.append("<td class=\"num\" data-sort=\"").append(Points.format(e.score())).append("\"")
              .append(e.status() == ExerciseStatus.GRADED ? "" : " title=\"" + escape(e.status().id()) + "\"").append('>')
              .append(Points.format(e.score()))
              .append(e.status() == ExerciseStatus.GRADED ? "" : " " + Html.statusBadge(e.status().id())).append("</td>");
        } else {
          html.append("<td class=\"num\" data-sort=\"-1\">–</td>");
        }
      }
      html.append("<td data-sort=\"").append(student.status().id()).append("\">").append(Html.statusBadge(student.status().id()))
          .append("</td><td data-sort=\"").append(escape(student.entry().message())).append("\">")
          .append(escape(student.entry().message())).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n<p class=\"note\">Click a column header to sort; click a student for the feedback. "
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
